-- The relations `actorsim snapshot --from postgresql://…` and `actorsim history --snapshot postgresql://…` read by
-- default (ActorSim.Snapshots.Database.StateRelations), created as tables. A plant that keeps its state elsewhere
-- maps its own tables with views of these names, or names its views or queries in the blueprint:
--   state_source: {wip: plant_wip_view, parameters: "SELECT line, path, value FROM …", resources: …}
-- Columns are found by name; other columns are ignored. Times are instants: timestamptz (a timestamp without a zone
-- is read as UTC). Everything is read in one read-only, repeatable-read transaction at the instant asked for
-- (`--at now` is the server's now() at the start of that transaction).
--
-- Run it with: psql "postgresql://user@host:5432/plant" -f docs/sql/actorsim-state.sql

-- Work in progress: one row per task of the plant not yet finished.
--   line           the line's sim_id
--   key            the task's event key (task-17, or the item's key for a task started by a link); unique in a line
--   task           the kind of task (its name under the line's tasks)
--   step           the step it is at, from 0
--   status         'queued' (waiting for the step's resource) or 'in_service' (holding it)
--   since          queued since, or in service since; not after the instant
--   priority       the request's priority (lower first); null: the step's own
--   holding_since  a task queued at a hand-off step holds the previous step's unit: granted then; null: since it
--                  queued. Must be null for any other task.
-- Tasks queued at one resource are served by priority, then since, then the rows' order (a query's ORDER BY; a
-- relation read whole is taken in key order). The next task created by an arrival is numbered after the largest
-- <key_prefix><n> among the keys of tasks created by arrivals.
CREATE TABLE IF NOT EXISTS actorsim_wip (
    line          text        NOT NULL,
    key           text        NOT NULL,
    task          text        NOT NULL,
    step          integer     NOT NULL CHECK (step >= 0),
    status        text        NOT NULL CHECK (status IN ('queued', 'in_service')),
    since         timestamptz NOT NULL,
    priority      integer,
    holding_since timestamptz,
    PRIMARY KEY (line, key)
);

-- Parameter values in force, where they differ from the model's: registry paths such as
-- Line_A.arrival.standard.rate, Line_A.service.turning.mean, Line_A.resources.lathe.current_cap,
-- Line_A.variables.mode, or Machining_1.links.conveyor_1.max (a link's delay, under the sending line).
--   value  a JSON value (jsonb), converted to the path's type when safe ("6" or 6 for a whole number; 2.5 is refused)
-- The model's scenario changes before the instant apply first, then these rows.
CREATE TABLE IF NOT EXISTS actorsim_parameters (
    line  text  NOT NULL,
    path  text  NOT NULL,
    value jsonb NOT NULL,
    PRIMARY KEY (line, path)
);

-- Optional: resource capacities in force. Without this relation (or without a row for a resource) the capacity comes
-- from actorsim_parameters, else from the model (with its scenario changes before the instant).
--   max_cap  null: the max_cap the parameters or the model give
CREATE TABLE IF NOT EXISTS actorsim_resources (
    line        text    NOT NULL,
    resource    text    NOT NULL,
    current_cap integer NOT NULL CHECK (current_cap >= 0),
    max_cap     integer,
    PRIMARY KEY (line, resource)
);
