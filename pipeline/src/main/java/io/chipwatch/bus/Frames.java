package io.chipwatch.bus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The framing of the journal files: each entry is its payload's length and CRC32C (two
 * big-endian ints) followed by the payload. A process killed while writing leaves at most one
 * entry cut short or half written; reading stops at the first entry whose length runs past the
 * file or whose checksum does not match, and says where the good part ends.
 */
final class Frames {

    /** No journal entry comes near this; a larger length is garbage, not a record. */
    static final int MAX_PAYLOAD = 1 << 30;
    private static final int HEADER = 8;

    private Frames() {
    }

    /** Writes one entry at the channel's position; forcing it to disk is the caller's decision. */
    static void write(FileChannel channel, byte[] payload) throws IOException {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        ByteBuffer header = ByteBuffer.allocate(HEADER).putInt(payload.length).putInt((int) crc.getValue()).flip();
        ByteBuffer body = ByteBuffer.wrap(payload);
        ByteBuffer[] both = {header, body};
        while (body.hasRemaining()) {
            channel.write(both);
        }
    }

    /** The entries read from a file, and the position just past the last whole one. */
    record Read(List<byte[]> payloads, long goodEnd, boolean torn) {
    }

    /** Reads every whole entry from the start of the channel; stops at the first torn or corrupt one. */
    static Read readAll(FileChannel channel) throws IOException {
        List<byte[]> payloads = new ArrayList<>();
        long size = channel.size();
        long position = 0;
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        while (position < size) {
            if (size - position < HEADER) {
                return new Read(payloads, position, true);
            }
            header.clear();
            readFully(channel, header, position);
            header.flip();
            int length = header.getInt();
            int expected = header.getInt();
            if (length < 0 || length > MAX_PAYLOAD || size - position - HEADER < length) {
                return new Read(payloads, position, true);
            }
            ByteBuffer body = ByteBuffer.allocate(length);
            readFully(channel, body, position + HEADER);
            CRC32C crc = new CRC32C();
            crc.update(body.array());
            if ((int) crc.getValue() != expected) {
                return new Read(payloads, position, true);
            }
            payloads.add(body.array());
            position += HEADER + length;
        }
        return new Read(payloads, position, false);
    }

    private static void readFully(FileChannel channel, ByteBuffer into, long position) throws IOException {
        long at = position;
        while (into.hasRemaining()) {
            int n = channel.read(into, at);
            if (n < 0) {
                throw new IOException("unexpected end of file at " + at);
            }
            at += n;
        }
    }
}
