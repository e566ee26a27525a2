namespace ActorSim.Egress.Tests.Support;

/// <summary>A moto_server that checks credentials, so unknown keys are refused.</summary>
public sealed class AuthenticatingMotoServerFixture : MotoServerFixture
{
    protected override bool RequireAuthentication => true;
}
