using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace MediaMatrix.IntegrationTests.Infrastructure;

/// <summary>One message the server accepted (replied 250 to), or received and then dropped the connection on.</summary>
public sealed record ReceivedMail(string Recipient, MimeMessage Message, bool Acknowledged);

/// <summary>
/// A small SMTP server on a loopback port that speaks enough of RFC 5321 for MailKit (EHLO, MAIL, RCPT, DATA with
/// dot-stuffing, RSET, NOOP, QUIT) and can fail on demand: a chosen reply to RCPT per recipient (4xx, 550), a dropped
/// connection after the body and before the reply (reliability E3), or a greeting held back until released (E2).
/// Written for these tests because a library server cannot drop the line between the final dot and its reply.
/// It can also go away and come back on the same port (<see cref="StopListeningAfter"/>, <see cref="ListenAgain"/>):
/// "the SMTP server dies mid-digest" (reliability H4).
/// </summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly int port;
    private readonly Lock listening = new();
    private TcpListener listener;
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentQueue<ReceivedMail> received = new();
    private readonly ConcurrentQueue<(string Recipient, TimeSpan At, string Reply)> rcptLog = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private Task acceptLoop;
    private volatile TaskCompletionSource greetingGate = Open();

    /// <param name="restartable">Take a port below the ephemeral range, so that while the server is down no outgoing
    /// connection of this machine can be given its port and <see cref="ListenAgain"/> always gets it back.</param>
    public LoopbackSmtpServer(bool restartable = false)
    {
        listener = restartable ? BindBelowEphemeralRange() : new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        port = ((IPEndPoint)listener.LocalEndpoint).Port;
        acceptLoop = AcceptAsync(listener);
    }

    public int Port => port;

    /// <summary>After acknowledging this many messages in all, stop listening: later connections are refused.</summary>
    public int? StopListeningAfter { get; set; }

    /// <summary>True while the port is closed.</summary>
    public bool IsDown { get; private set; }

    /// <summary>Listens on the same port again after <see cref="StopListeningAfter"/> took the server down.</summary>
    public void ListenAgain()
    {
        lock (listening)
        {
            StopListeningAfter = null;
            if (!IsDown)
                return;
            listener = new TcpListener(IPAddress.Loopback, port);
            listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Start();
            acceptLoop = AcceptAsync(listener);
            IsDown = false;
        }
    }

    private void StopListening()
    {
        lock (listening)
        {
            if (IsDown)
                return;
            listener.Stop();
            IsDown = true;
        }
    }

    private static TcpListener BindBelowEphemeralRange()
    {
        var range = File.Exists("/proc/sys/net/ipv4/ip_local_port_range") ? File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries) : [];
        var low = range.Length == 2 && int.TryParse(range[0], out var first) ? first : 32768;
        for (var tries = 0; ; tries++)
        {
            // Above the well-known service ports the tests use (5300s, 5440, 6390), below the ephemeral range.
            var candidate = Random.Shared.Next(Math.Min(20000, low - 1000), low);
            var attempt = new TcpListener(IPAddress.Loopback, candidate);
            attempt.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            try
            {
                attempt.Start();
                attempt.Stop();
                return new TcpListener(IPAddress.Loopback, candidate);
            }
            catch (SocketException) when (tries < 50)
            {
                attempt.Dispose();
            }
        }
    }

    /// <summary>The reply to <c>RCPT TO</c> for a recipient; default <c>250 OK</c>.</summary>
    public Func<string, string> RcptReply { get; set; } = _ => "250 OK";

    /// <summary>True to close the connection after reading a recipient's body, without replying.</summary>
    public Func<string, bool> DropAfterBody { get; set; } = _ => false;

    /// <summary>After acknowledging this many messages, hold the greeting of every later connection (a stalled server for E2).</summary>
    public int? HoldGreetingsAfter { get; set; }

    /// <summary>Acknowledged messages, in arrival order.</summary>
    public IReadOnlyList<ReceivedMail> Acknowledged => [.. received.Where(m => m.Acknowledged)];

    public IReadOnlyList<ReceivedMail> Received => [.. received];

    /// <summary>Every RCPT TO seen: recipient, time since the server started, and the reply given.</summary>
    public IReadOnlyList<(string Recipient, TimeSpan At, string Reply)> RcptLog => [.. rcptLog];

    /// <summary>New connections wait for their greeting until <see cref="ReleaseGreetings"/>.</summary>
    public void HoldGreetings() => greetingGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void ReleaseGreetings() => greetingGate.TrySetResult();

    /// <summary>Number of connections accepted so far.</summary>
    public int Connections => connections;

    private int connections;

    public async Task WaitForAsync(Func<LoopbackSmtpServer, bool> condition, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition(this))
        {
            if (deadline.Elapsed > timeout)
                throw new TimeoutException($"SMTP condition not met in {timeout}; received {received.Count}, connections {connections}");
            await Task.Delay(20);
        }
    }

    private static TaskCompletionSource Open()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    private async Task AcceptAsync(TcpListener listening)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listening.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            Interlocked.Increment(ref connections);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            await greetingGate.Task.WaitAsync(stop.Token);
            var stream = client.GetStream();
            var reader = new StreamReader(stream, Encoding.Latin1);
            var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 loopback ESMTP test");
            string? recipient = null;
            while (await reader.ReadLineAsync(stop.Token) is { } line)
            {
                var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-loopback");
                        await writer.WriteLineAsync("250 8BITMIME");
                        break;
                    case "HELO":
                    case "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "MAIL":
                        recipient = null;
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        var address = Address(line);
                        var reply = RcptReply(address);
                        rcptLog.Enqueue((address, clock.Elapsed, reply));
                        if (reply.StartsWith('2'))
                            recipient = address;
                        await writer.WriteLineAsync(reply);
                        break;
                    case "DATA":
                        if (recipient is null)
                        {
                            await writer.WriteLineAsync("503 no valid recipients");
                            break;
                        }

                        await writer.WriteLineAsync("354 go ahead");
                        var body = await ReadBodyAsync(reader);
                        var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.Latin1.GetBytes(body)));
                        if (DropAfterBody(recipient))
                        {
                            received.Enqueue(new ReceivedMail(recipient, message, Acknowledged: false));
                            client.Client.Close(0);
                            return;
                        }

                        received.Enqueue(new ReceivedMail(recipient, message, Acknowledged: true));
                        if (HoldGreetingsAfter is { } n && received.Count(m => m.Acknowledged) == n)
                            HoldGreetings();
                        await writer.WriteLineAsync("250 queued");
                        if (StopListeningAfter is { } last && received.Count(m => m.Acknowledged) >= last)
                            StopListening();
                        break;
                    case "RSET":
                        recipient = null;
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 not implemented");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // the client went away, or the test is over
        }
    }

    private async Task<string> ReadBodyAsync(StreamReader reader)
    {
        var body = new StringBuilder();
        while (await reader.ReadLineAsync(stop.Token) is { } line && line != ".")
            body.Append(line.StartsWith("..", StringComparison.Ordinal) ? line[1..] : line).Append("\r\n");
        return body.ToString();
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : line[8..].Trim();
    }

    public async ValueTask DisposeAsync()
    {
        greetingGate.TrySetResult();
        await stop.CancelAsync();
        listener.Stop();
        await acceptLoop;
        stop.Dispose();
    }
}
