using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace DataArchiver.Tests.Storage;

/// <summary>
/// A minimal S3 stand-in on loopback that records every request byte for byte, to check what the S3 store puts
/// on the wire (headers, body framing). It answers PUT, multipart and HEAD requests; <see cref="Respond"/> can
/// override the answer to any request.
/// </summary>
public sealed class RecordingS3Server : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<Task> _answers = [];
    private readonly Task _loop;

    public RecordingS3Server()
    {
        using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            Endpoint = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndPoint!).Port}";
        }
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Endpoint { get; }

    /// <summary>Decides the answer to a request: null for the default, otherwise (status, S3 error code).</summary>
    public Func<RecordedRequest, (int Status, string Code)?> Respond { get; set; } = _ => null;

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
                return [.. _requests];
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }
        Task[] answers;
        lock (_answers)
            answers = [.. _answers];
        await Task.WhenAll(answers);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            // Each request on its own, as a real server answers them: a part upload the client gave up on must not
            // hold back the abort that follows it.
            lock (_answers)
                _answers.Add(AnswerOrDropAsync(context));
        }
    }

    private async Task AnswerOrDropAsync(HttpListenerContext context)
    {
        try
        {
            await AnswerAsync(context);
        }
        catch (Exception error) when (error is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client closed the connection mid-request (a cancelled part): nothing to answer.
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        var headers = context.Request.Headers.AllKeys.Where(name => name is not null)
            .ToDictionary(name => name!.ToLowerInvariant(), name => context.Request.Headers[name]!);
        var request = new RecordedRequest(context.Request.HttpMethod, context.Request.RawUrl ?? "", headers, body.ToArray());
        lock (_requests)
            _requests.Add(request);

        var response = context.Response;
        if (Respond(request) is { } custom)
        {
            response.StatusCode = custom.Status;
            await WriteAsync(response, request.Method == "HEAD" ? "" : $"<Error><Code>{custom.Code}</Code><Message>refused by test</Message></Error>");
            return;
        }
        var md5 = Convert.ToHexStringLower(MD5.HashData(request.Body));
        switch (request.Method)
        {
            case "POST" when request.HasQuery("uploads"):
                await WriteAsync(response, "<InitiateMultipartUploadResult><Bucket>b</Bucket><Key>k</Key><UploadId>upload-1</UploadId></InitiateMultipartUploadResult>");
                break;
            case "POST" when request.HasQuery("uploadId"):
                await WriteAsync(response, "<CompleteMultipartUploadResult><Bucket>b</Bucket><Key>k</Key><ETag>\"0123456789abcdef0123456789abcdef-3\"</ETag></CompleteMultipartUploadResult>");
                break;
            case "PUT":
                response.AddHeader("ETag", $"\"{md5}\"");
                await WriteAsync(response, "");
                break;
            case "HEAD":
                response.AddHeader("ETag", "\"0123456789abcdef0123456789abcdef\"");
                response.AddHeader("x-amz-meta-rows", "42");
                await WriteAsync(response, "");
                break;
            case "DELETE":
                response.StatusCode = 204;
                await WriteAsync(response, "");
                break;
            default:
                response.StatusCode = 400;
                await WriteAsync(response, "<Error><Code>NotImplemented</Code></Error>");
                break;
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, string xml)
    {
        var bytes = Encoding.UTF8.GetBytes(xml);
        response.ContentLength64 = bytes.Length;
        if (bytes.Length > 0)
        {
            response.ContentType = "application/xml";
            await response.OutputStream.WriteAsync(bytes);
        }
        response.Close();
    }
}
