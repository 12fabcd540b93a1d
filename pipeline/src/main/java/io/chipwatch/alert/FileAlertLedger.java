package io.chipwatch.alert;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The ledger as an append-only file of JSON lines ({@code ledger.jsonl} in its folder), replayed
 * at open. Each entry is forced to disk before the call returns, so an alert the stage goes on
 * to publish is never forgotten by a crash. A crash mid-write leaves a partial last line, which
 * the next open drops (it described an alert that was then never published); a bad line
 * anywhere else means the file was damaged, and the ledger refuses to open rather than send
 * every alert again. Used by one process at a time.
 */
public final class FileAlertLedger extends JournaledLedger {

    private static final Logger log = LoggerFactory.getLogger(FileAlertLedger.class);
    public static final String FILE = "ledger.jsonl";

    private final Path file;
    private final FileChannel out;

    private FileAlertLedger(Path file) throws IOException {
        this.file = file;
        this.out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        replay();
    }

    /** Opens (creating if needed) the ledger in this folder, e.g. {@code data/alerts}. */
    public static FileAlertLedger open(Path dir) {
        try {
            Files.createDirectories(dir);
            return new FileAlertLedger(dir.resolve(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the alert ledger in " + dir, e);
        }
    }

    private void replay() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int start = 0;
        int lineNo = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            lineNo++;
            String line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
            boolean complete = end < bytes.length;
            if (!line.isBlank()) {
                try {
                    entries.apply(line, state);
                } catch (IllegalArgumentException e) {
                    if (complete) {
                        throw new IllegalStateException(file + " line " + lineNo + " is damaged (" + e.getMessage()
                                + "); move the file away to start a new ledger (every alert would be sent again)", e);
                    }
                    log.warn("Alert ledger {}: dropping the partial last line {} left by a crash", file, lineNo);
                    out.truncate(start);
                    break;
                }
            }
            if (!complete && !line.isBlank()) {
                // a whole entry that lost only its newline: end it so the next entry starts a line
                out.write(ByteBuffer.wrap(new byte[]{'\n'}), bytes.length);
            }
            start = end + 1;
        }
        out.position(out.size());
    }

    @Override
    public String toString() {
        return "file " + file;
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            log.warn("Alert ledger {}: close failed: {}", file, e.toString());
        }
    }

    /** One line per entry, forced to disk; the key is in the entry itself. */
    @Override
    protected synchronized void journal(String key, String entry) {
        try {
            byte[] line = (entry + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the alert ledger " + file, e);
        }
    }
}
