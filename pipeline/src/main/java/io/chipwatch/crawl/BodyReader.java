package io.chipwatch.crawl;

import org.brotli.dec.BrotliInputStream;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Reads a response body off the wire and undoes its Content-Encoding (gzip, deflate, br), stopping as soon as
 * either the wire bytes or the decoded bytes pass the limit, so a huge page or a compression bomb is never
 * held in memory. Thread-safe: holds only its limit.
 */
final class BodyReader {

    private final long maxBytes;

    BodyReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The body passed the limit, on the wire or once decoded. */
    static final class TooLargeException extends IOException {
        TooLargeException(String message) {
            super(message);
        }
    }

    /** The connection failed or stalled while the body arrived; worth another attempt, unlike a corrupt encoding. */
    static final class WireException extends IOException {
        WireException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @param deadlineNanos {@link System#nanoTime()} after which reading gives up with a {@link WireException}
     * @throws TooLargeException when the wire or decoded body is longer than the limit
     * @throws WireException     on a connection error or the deadline
     * @throws IOException       when the encoding is unknown or the data does not decode
     */
    byte[] read(InputStream wire, String contentEncoding, long deadlineNanos) throws IOException {
        List<String> codings = codings(contentEncoding);
        InputStream in = new LimitedWire(wire, deadlineNanos);
        List<Inflater> inflaters = new ArrayList<>();
        try {
            // Codings are listed in the order applied, so they are undone from the last one back.
            for (int i = codings.size() - 1; i >= 0; i--) {
                in = decoder(codings.get(i), in, inflaters);
            }
            return readLimited(in);
        } catch (RuntimeException e) {
            // The brotli decoder reports corrupt input as a RuntimeException.
            throw new IOException("cannot decode " + contentEncoding + " body: " + e.getMessage(), e);
        } finally {
            inflaters.forEach(Inflater::end);
            in.close();
        }
    }

    private byte[] readLimited(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            total += n;
            if (total > maxBytes) {
                throw new TooLargeException("decoded body is larger than " + maxBytes + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static List<String> codings(String contentEncoding) {
        List<String> codings = new ArrayList<>();
        if (contentEncoding != null) {
            for (String part : contentEncoding.split(",")) {
                String coding = part.trim().toLowerCase(Locale.ROOT);
                if (!coding.isEmpty() && !coding.equals("identity")) {
                    codings.add(coding);
                }
            }
        }
        return codings;
    }

    private static InputStream decoder(String coding, InputStream in, List<Inflater> inflaters) throws IOException {
        switch (coding) {
            case "gzip", "x-gzip":
                return new GZIPInputStream(in, 8192);
            case "br":
                return new BrotliInputStream(in);
            case "deflate":
                // RFC 9110 says zlib-wrapped, but some servers send raw deflate; the zlib header tells them apart.
                BufferedInputStream buffered = new BufferedInputStream(in);
                buffered.mark(2);
                int cmf = buffered.read();
                int flg = buffered.read();
                buffered.reset();
                boolean zlib = cmf >= 0 && flg >= 0 && (cmf & 0x0f) == 8 && ((cmf << 8) | flg) % 31 == 0;
                Inflater inflater = new Inflater(!zlib);
                inflaters.add(inflater);
                return new InflaterInputStream(buffered, inflater, 8192);
            default:
                throw new IOException("unsupported Content-Encoding '" + coding + "'");
        }
    }

    /** Counts wire bytes against the limit, enforces the deadline and marks connection errors as such. */
    private final class LimitedWire extends FilterInputStream {

        private final long deadlineNanos;
        private long count;

        LimitedWire(InputStream wire, long deadlineNanos) {
            super(wire);
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(b, off, (int) Math.min(len, maxBytes + 1 - count));
            } catch (IOException e) {
                if (System.nanoTime() - deadlineNanos > 0) {
                    throw new WireException("timed out reading the body", null);
                }
                throw new WireException("connection failed while reading the body: " + e.getMessage(), e);
            }
            if (System.nanoTime() - deadlineNanos > 0) {
                // Also after a read that returned: the watchdog may have closed the stream, which can look like its end.
                throw new WireException("timed out reading the body", null);
            }
            if (n > 0) {
                count += n;
                if (count > maxBytes) {
                    throw new TooLargeException("body is larger than " + maxBytes + " bytes on the wire");
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            return Math.max(0, read(new byte[(int) Math.max(1, Math.min(n, 8192))]));
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
