import com.hankcs.hanlp.HanLP;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a variant of a dev-corpus text: Traditional script as Taiwan writes it (HanLP's s2tw)
 * or full-width Latin letters, digits and ASCII marks (Ｎｖｉｄｉａ, ９１０Ｃ), so the same gold can
 * score the NLP on scripts and widths a page may use. The date and outlet lines (2 and 3) stand
 * for the page's metadata and stay as they are.
 *
 * <p>Usage: {@code java -cp chipwatch.jar scripts/ScriptVariants.java traditional|fullwidth OUTDIR FILE...}
 */
public final class ScriptVariants {

    public static void main(String[] args) throws IOException {
        if (args.length < 3 || !List.of("traditional", "fullwidth").contains(args[0])) {
            System.err.println("usage: ScriptVariants traditional|fullwidth OUTDIR FILE...");
            System.exit(2);
        }
        for (int i = 2; i < args.length; i++) {
            Path in = Path.of(args[i]);
            write(args[0], in, Path.of(args[1]).resolve(in.getFileName()));
        }
    }

    private static void write(String variant, Path in, Path to) throws IOException {
        List<String> lines = Files.readAllLines(in, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean metadata = i == 1 || i == 2;
            out.append(metadata ? line : convert(variant, line)).append('\n');
        }
        Files.writeString(to, out, StandardCharsets.UTF_8);
    }

    private static String convert(String variant, String line) {
        if (variant.equals("traditional")) {
            return HanLP.s2tw(line);
        }
        StringBuilder sb = new StringBuilder(line.length());
        for (char c : line.toCharArray()) {
            sb.append(c > 0x20 && c < 0x7F ? (char) (c + 0xFEE0) : c);
        }
        return sb.toString();
    }
}
