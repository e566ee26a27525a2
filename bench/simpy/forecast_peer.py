#!/usr/bin/env python3
"""The SimPy peer of `actorsim forecast` on the reference line Line_A (issue 14 §5).

Each replication runs Line_A from the state of an exact ActorSim snapshot for the horizon and measures the KPIs that
`actorsim forecast` measures (src/ActorSim.Forecasts/Kpis): per line throughput, wip_end, wait_mean, wait_p95 and
cycle_mean, per resource utilization, queue_mean, queue_max and queue_growth. It prints each replication's KPIs in
index order, then each KPI's mean with its 95 % Student t interval, and writes the same as JSON with --out.

The model, as ActorSim builds Line_A: arrivals exponential (the snapshot's rate), one step per task on the lathe
(FIFO, the snapshot's capacity), service normal(mean, std) with a draw below 1e-5 taken as 1e-5. From the snapshot:
the tasks in service hold a lathe and finish at their recorded `finish_at`, the queued ones wait in the order listed
(their wait counts from their `since`), and the first arrival comes at the recorded `next_at`; every draw after that
comes from the replication's own stream, random.Random seeded with "forecast-replication-<seed>-<i>".

Runs on SimPy >= 3 (`import simpy`) when it is importable, else on classic SimPy 2.3 (`SimPy.Simulation`, Debian's
python3-simpy); both paths run the same model and measure the same way. Simulated time is 0 at the snapshot's instant.
"""

import argparse
import json
import math
import random
import sys
import time

try:
    import simpy

    SIMPY_VERSION = simpy.__version__
except ImportError:
    import SimPy
    from SimPy.Simulation import Process, Resource, Simulation, hold, release, request

    simpy = None
    SIMPY_VERSION = SimPy.__version__

MIN_SERVICE = 1e-5  # ActorSim's floor for a normal service draw

LINE_KPIS = ["throughput", "wip_end", "wait_mean", "wait_p95", "cycle_mean"]
RESOURCE_KPIS = ["utilization", "queue_mean", "queue_max", "queue_growth"]


class StartState:
    """What a replication starts from: Line_A's parameters and its tasks in progress, times relative to `as_of`."""

    def __init__(self, path):
        with open(path, encoding="utf-8") as file:
            snapshot = json.load(file)
        if snapshot.get("format") != "actorsim-snapshot" or snapshot.get("kind") != "exact":
            sys.exit(f"{path}: not an exact actorsim snapshot (the peer needs recorded finish and arrival times)")
        if len(snapshot["lines"]) != 1 or len(snapshot["lines"][0]["resources"]) != 1:
            sys.exit(f"{path}: the peer models a single line with one resource (Line_A)")
        line = snapshot["lines"][0]
        sim_id, parameters = line["sim_id"], line["parameters"]
        resource = line["resources"][0]
        as_of = snapshot["as_of"]
        self.as_of = as_of
        self.line = sim_id
        self.resource = resource["name"]
        self.rate = parameters[f"{sim_id}.arrival.standard.rate"]
        self.mean = parameters[f"{sim_id}.service.milling.mean"]
        self.std = parameters[f"{sim_id}.service.milling.std"]
        self.capacity = resource["current_cap"]
        self.finish_at = [t["finish_at"] - as_of for t in line["tasks"] if t["state"] == "in_service"]
        self.queued_since = [t["since"] - as_of for t in line["tasks"] if t["state"] == "queued"]
        (arrival,) = line["arrivals"]
        self.first_arrival = arrival["next_at"] - as_of

    @property
    def in_progress(self):
        return len(self.finish_at) + len(self.queued_since)


class TimeAverage:
    """A resource's queue or units in use, observed at each change: its time integral from 0, maximum and last value.

    SimPy 2 resources call observe(y, t) themselves (passed as monitorType). On SimPy 3 the tasks call it when they
    request, are granted and release (SimPy 3 grants the next request after a release's event is processed, at the
    same instant). Changes at one instant add nothing to the integral, as in ActorSim's ResourceKpis.
    """

    __slots__ = ("value", "last", "area", "max")

    def __init__(self):
        self.value = self.max = 0
        self.last = 0.0
        self.area = 0.0

    def observe(self, y, t):
        self.area += self.value * (t - self.last)
        self.last = t
        self.value = y
        if y > self.max:
            self.max = y

    def mean(self, end):
        return (self.area + self.value * (end - self.last)) / end


class SimPy2Monitor(TimeAverage):
    """A TimeAverage in a SimPy 2 resource's monitor slot: its queues read the clock through the monitor's `sim`."""

    __slots__ = ("sim",)

    def __init__(self, sim, **_):
        super().__init__()
        self.sim = sim


class LineMeasures:
    """The line's task measures (ActorSim's LineKpis): tasks left, tasks in the line, waits and cycle times."""

    __slots__ = ("in_line", "throughput", "waits", "cycle_sum", "cycles")

    def __init__(self, in_progress):
        self.in_line = in_progress
        self.throughput = 0
        self.waits = []
        self.cycle_sum = 0.0
        self.cycles = 0

    def entered(self):
        self.in_line += 1

    def started(self, waited):
        self.waits.append(waited)

    def left(self, now, entered_at):
        """A task finished its last step; a snapshot's task (entered_at None) has no cycle time."""
        self.throughput += 1
        self.in_line -= 1
        if entered_at is not None:
            self.cycle_sum += now - entered_at
            self.cycles += 1


def service_time(rng, start):
    return max(rng.gauss(start.mean, start.std), MIN_SERVICE)


def replicate_simpy3(start, rng, horizon):
    env = simpy.Environment()
    lathe = simpy.Resource(env, capacity=start.capacity)
    line = LineMeasures(start.in_progress)
    queue, in_use = TimeAverage(), TimeAverage()

    def observe():
        queue.observe(len(lathe.queue), env.now)
        in_use.observe(len(lathe.users), env.now)

    def task(entered_at, queued_at, finish_at):
        """A task from its request on; finish_at is set for a snapshot's task in service (granted at once)."""
        claim = lathe.request()
        observe()
        yield claim
        observe()
        if finish_at is None:
            line.started(env.now - queued_at)
            yield env.timeout(service_time(rng, start))
        else:
            yield env.timeout(finish_at - env.now)
        lathe.release(claim)
        observe()
        line.left(env.now, entered_at)

    def arrivals():
        yield env.timeout(start.first_arrival)
        while True:
            line.entered()
            env.process(task(env.now, env.now, None))
            yield env.timeout(rng.expovariate(start.rate))

    # In service first, so that they take the lathes; then the queue in its order.
    for finish_at in start.finish_at:
        env.process(task(None, None, finish_at))
    for since in start.queued_since:
        env.process(task(None, since, None))
    env.process(arrivals())
    env.run(until=horizon)
    return kpis(start, line, queue, in_use, horizon)


def replicate_simpy2(start, rng, horizon):
    sim = Simulation()
    lathe = Resource(capacity=start.capacity, monitored=True, monitorType=SimPy2Monitor, sim=sim)
    line = LineMeasures(start.in_progress)

    class Task(Process):
        def run(self, entered_at, queued_at, finish_at):
            """As replicate_simpy3's task; the lathe's monitors see its queue and units change."""
            yield request, self, lathe
            if finish_at is None:
                line.started(sim.now() - queued_at)
                yield hold, self, service_time(rng, start)
            else:
                yield hold, self, finish_at - sim.now()
            yield release, self, lathe
            line.left(sim.now(), entered_at)

    class Arrivals(Process):
        def run(self):
            yield hold, self, start.first_arrival
            while True:
                line.entered()
                task = Task(sim=sim)
                sim.activate(task, task.run(sim.now(), sim.now(), None))
                yield hold, self, rng.expovariate(start.rate)

    for finish_at in start.finish_at:
        task = Task(sim=sim)
        sim.activate(task, task.run(None, None, finish_at))
    for since in start.queued_since:
        task = Task(sim=sim)
        sim.activate(task, task.run(None, since, None))
    arrivals = Arrivals(sim=sim)
    sim.activate(arrivals, arrivals.run())
    sim.simulate(until=horizon)
    return kpis(start, line, lathe.waitMon, lathe.actMon, horizon)


def kpis(start, line, queue, in_use, horizon):
    """One replication's KPIs in ActorSim's order; None where undefined (no step started, no task left)."""
    waits = sorted(line.waits)
    return [
        line.throughput,
        line.in_line,
        sum(waits) / len(waits) if waits else None,
        percentile(waits, 0.95) if waits else None,
        line.cycle_sum / line.cycles if line.cycles else None,
        in_use.mean(horizon) / start.capacity,
        queue.mean(horizon),
        queue.max,
        queue.value - len(start.queued_since),
    ]


def percentile(ordered, p):
    """The p-quantile of sorted values by linear interpolation (Hyndman and Fan's type 7, numpy's default)."""
    h = (len(ordered) - 1) * p
    low = math.floor(h)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (h - low) * (ordered[high] - ordered[low])


def t_within(t, df):
    """P(|T| <= t) for Student's T with an integer df, in closed form (Abramowitz and Stegun 26.7.3 and 26.7.4)."""
    theta = math.atan(t / math.sqrt(df))
    cos2 = math.cos(theta) ** 2
    total = 0.0
    if df % 2:
        term = math.cos(theta)
        for k in range(1, (df - 1) // 2 + 1):
            total += term
            term *= cos2 * (2 * k) / (2 * k + 1)
        return 2 / math.pi * (theta + math.sin(theta) * total)
    term = 1.0
    for k in range(1, df // 2 + 1):
        total += term
        term *= cos2 * (2 * k - 1) / (2 * k)
    return math.sin(theta) * total


def t_quantile(confidence, df):
    """The two-sided `confidence` quantile of Student's t (2.093 for 95 % and 19 df), by bisection on t_within."""
    low, high = 0.0, 1e3
    for _ in range(100):
        middle = (low + high) / 2
        low, high = (middle, high) if t_within(middle, df) < confidence else (low, middle)
    return (low + high) / 2


def summarise(values):
    """n, mean, std and the 95 % Student t interval of the defined values (None: no replication defines it)."""
    defined = [v for v in values if v is not None]
    n = len(defined)
    if n == 0:
        return None
    mean = sum(defined) / n
    if n == 1:
        return {"n": 1, "mean": mean, "std": None, "ci95": None, "half_width": None}
    std = math.sqrt(sum((v - mean) ** 2 for v in defined) / (n - 1))
    half = t_quantile(0.95, n - 1) * std / math.sqrt(n)
    return {"n": n, "mean": mean, "std": std, "ci95": [mean - half, mean + half], "half_width": half}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snapshot", required=True, help="an exact actorsim snapshot of Line_A")
    parser.add_argument("--horizon", type=float, default=8 * 3600, help="seconds (default 28800)")
    parser.add_argument("--replications", type=int, default=20)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", help="write the replications and the summary to this JSON file")
    args = parser.parse_args()

    start = StartState(args.snapshot)
    names = LINE_KPIS + [f"{start.line}.{start.resource}.{k}" for k in RESOURCE_KPIS]
    replicate = replicate_simpy3 if simpy else replicate_simpy2
    engine = f"SimPy {SIMPY_VERSION} on Python {sys.version.split()[0]}"
    print(f"SimPy peer of 'actorsim forecast' on {engine}: {args.replications} replications of {args.horizon:g} s "
          f"of {start.line} from its snapshot at {start.as_of:g} s ({start.in_progress} tasks in progress), "
          f"seed {args.seed}")

    clock = time.perf_counter()
    rows = []
    print("replication " + " ".join(f"{n.split('.')[-1]:>12}" for n in names))
    for i in range(args.replications):
        row = replicate(start, random.Random(f"forecast-replication-{args.seed}-{i}"), args.horizon)
        rows.append(row)
        print(f"{i:>11} " + " ".join(f"{'-' if v is None else format(v, '.6g'):>12}" for v in row), flush=True)
    elapsed = time.perf_counter() - clock

    summary = {name: summarise([row[k] for row in rows]) for k, name in enumerate(names)}
    print(f"{'kpi':<28}{'mean':>16}{'95 % interval':>36}")
    for name, s in summary.items():
        interval = "" if s is None or s["ci95"] is None else f"[{s['ci95'][0]:,.3f}, {s['ci95'][1]:,.3f}]"
        print(f"{name:<28}{'-' if s is None else format(s['mean'], ',.3f'):>16}{interval:>36}")
    print(f"{args.replications} replications in {elapsed:.3f} s ({elapsed / args.replications:.3f} s each) on {engine}")

    if args.out:
        with open(args.out, "w", encoding="utf-8") as file:
            json.dump({
                "simpy_version": SIMPY_VERSION,
                "python_version": sys.version.split()[0],
                "horizon_seconds": args.horizon,
                "replications": args.replications,
                "seed": args.seed,
                "seconds": elapsed,
                "seconds_per_replication": elapsed / args.replications,
                "kpi_names": names,
                "rows": rows,
                "kpis": summary,
            }, file, indent=2)


if __name__ == "__main__":
    main()
