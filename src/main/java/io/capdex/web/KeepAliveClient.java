package io.capdex.web;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A minimal HTTP/1.1 GET client over one keep-alive socket, for {@link ServeBench}'s load: the JDK's
 * {@code HttpClient} spends several times the CPU of the server's search per request (selector threads, futures,
 * header maps), and the clients share the machine with the server being measured. It reads every response whole
 * (Content-Length or chunked), so the bench still pays for and checks the full transfer. Not thread-safe.
 */
final class KeepAliveClient implements AutoCloseable {
    private static final int TIMEOUT_MS = 30_000;

    /** One response: its status and the number of body bytes read. */
    record Response(int status, long bodyBytes) {}

    private final String host;
    private final int port;
    private final byte[] scratch = new byte[64 * 1024];
    private final StringBuilder line = new StringBuilder(128);
    private @Nullable Socket socket;
    private @Nullable InputStream in;
    private @Nullable OutputStream out;
    /** Whether the current exchange has received the first byte of its response. */
    private boolean answered;

    KeepAliveClient(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * Sends {@code GET pathAndQuery} and reads the whole response. When a reused connection fails before any byte
     * of the response arrived (the server closed it while idle), the request is sent once more on a new one; any
     * other failure is an {@link IOException} (and the connection is dropped).
     */
    Response get(String pathAndQuery) throws IOException {
        byte[] request = ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        boolean reused = socket != null;
        try {
            return exchange(request);
        } catch (IOException e) {
            close();
            if (!reused || answered) {
                throw e;
            }
            return exchange(request); // the server may close an idle keep-alive connection at any time
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private Response exchange(byte[] request) throws IOException {
        if (socket == null) {
            Socket s = new Socket();
            s.setTcpNoDelay(true);
            s.setSoTimeout(TIMEOUT_MS);
            s.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
            socket = s;
            in = new BufferedInputStream(s.getInputStream(), 64 * 1024);
            out = s.getOutputStream();
        }
        InputStream is = in;
        OutputStream os = out;
        if (is == null || os == null) {
            throw new IllegalStateException("not connected");
        }
        answered = false;
        os.write(request);
        os.flush();
        int first = is.read();
        if (first < 0) {
            throw new EOFException("connection closed before the response");
        }
        answered = true;
        line.setLength(0);
        String status = readLine(is, (char) first);
        if (!status.startsWith("HTTP/1.") || status.length() < 12) {
            throw new IOException("not an HTTP/1.x status line: '" + status + "'");
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closeAfter = status.startsWith("HTTP/1.0");
        for (String h = readLine(is); !h.isEmpty(); h = readLine(is)) {
            int colon = h.indexOf(':');
            if (colon < 0) {
                throw new IOException("malformed header line: '" + h + "'");
            }
            String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closeAfter = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        long body;
        if (chunked) {
            body = 0;
            while (true) {
                String sizeLine = readLine(is);
                int semi = sizeLine.indexOf(';');
                long size = Long.parseLong((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
                if (size == 0) {
                    while (!readLine(is).isEmpty()) {
                        // trailers: none expected, read past them all the same
                    }
                    break;
                }
                skip(is, size);
                body += size;
                if (!readLine(is).isEmpty()) {
                    throw new IOException("chunk of " + size + " bytes not followed by CRLF");
                }
            }
        } else if (length >= 0) {
            skip(is, length);
            body = length;
        } else {
            // no length: the body runs to the end of the connection
            body = 0;
            for (int n; (n = is.read(scratch)) > 0; ) {
                body += n;
            }
            closeAfter = true;
        }
        if (closeAfter) {
            close();
        }
        return new Response(code, body);
    }

    private void skip(InputStream is, long n) throws IOException {
        long left = n;
        while (left > 0) {
            int r = is.read(scratch, 0, (int) Math.min(scratch.length, left));
            if (r < 0) {
                throw new EOFException("connection closed " + left + " bytes before the end of the body");
            }
            left -= r;
        }
    }

    /** One CRLF- (or LF-) terminated line as ISO-8859-1, without the terminator. */
    private String readLine(InputStream is) throws IOException {
        line.setLength(0);
        return readLine(is, (char) -1);
    }

    private String readLine(InputStream is, char first) throws IOException {
        if (first != (char) -1) {
            if (first == '\n') {
                return "";
            }
            line.append(first);
        }
        while (true) {
            int c = is.read();
            if (c < 0) {
                throw new EOFException("connection closed in the response head");
            }
            if (c == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            if (line.length() > 16 * 1024) {
                throw new IOException("response line longer than 16 KB");
            }
            line.append((char) c);
        }
    }

    @Override
    public void close() {
        Socket s = socket;
        socket = null;
        in = null;
        out = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing a socket we are done with: nothing to report
            }
        }
    }
}
