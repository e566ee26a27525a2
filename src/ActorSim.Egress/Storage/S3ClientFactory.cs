using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace ActorSim.Egress.Storage;

/// <summary>Builds the AWSSDK client for an <see cref="S3StoreOptions"/>: endpoint, path style, checksums, credentials.</summary>
internal static class S3ClientFactory
{
    private const string MetadataDisabled = "AWS_EC2_METADATA_DISABLED";

    public static AmazonS3Client Create(S3StoreOptions options)
    {
        if (!options.AllowInstanceMetadata && Environment.GetEnvironmentVariable(MetadataDisabled) is null)
        {
            // The SDK reads this process-wide switch before it would probe 169.254.169.254 for credentials or region;
            // a value set by the user is left alone.
            Environment.SetEnvironmentVariable(MetadataDisabled, "true");
        }

        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            AuthenticationRegion = options.Region,
            MaxErrorRetry = 0,
            Timeout = options.RequestTimeout,
        };
        if (options.EndpointUrl is { } url)
        {
            config.ServiceURL = url;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        if (options.ChecksumsWhenRequired)
        {
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
            config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        }

        var accessKey = options.AccessKey ?? Environment.GetEnvironmentVariable("S3_ACCESS_KEY");
        var secretKey = options.SecretKey ?? Environment.GetEnvironmentVariable("S3_SECRET_KEY");
        return accessKey is { Length: > 0 } && secretKey is { Length: > 0 }
            ? new AmazonS3Client(new BasicAWSCredentials(accessKey, secretKey), config)
            : new AmazonS3Client(config);
    }
}
