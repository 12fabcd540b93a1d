package io.chipwatch.stage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Gzip for the page bytes a page record carries. */
final class PageBytes {

    /**
     * Larger than any page the crawler keeps (its body limit is a few MB): a record that inflates
     * past this is not one we wrote, and is refused rather than allowed to fill the heap.
     */
    static final int MAX_INFLATED_BYTES = 64 * 1024 * 1024;

    private PageBytes() {
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, bytes.length / 4));
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compress a page", e);  // in memory: does not happen
        }
        return out.toByteArray();
    }

    /** @throws IllegalArgumentException when the data is not gzip or inflates past {@link #MAX_INFLATED_BYTES} */
    static byte[] gunzip(byte[] compressed) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 4);
            byte[] buffer = new byte[16 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (out.size() + n > MAX_INFLATED_BYTES) {
                    throw new IllegalArgumentException("page record inflates past " + MAX_INFLATED_BYTES + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalArgumentException("page record bytes are not valid gzip: " + e.getMessage(), e);
        }
    }
}
