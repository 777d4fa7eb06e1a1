package org.mentorbot.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the CLI in-process, as a user would from a shell, capturing what it prints. */
public final class CliRunner {

    public record Result(int exitCode, String out, String err) {
    }

    public static synchronized Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            System.out.flush();
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** {@code mentorbot import} of these inputs, triaged with the bundled catalogs; a failed import fails the test. */
    public static Result importInto(Path archive, String... inputs) {
        List<String> args = new ArrayList<>(List.of("import", "--archive", archive.toString(), "--catalog", "config/catalogs"));
        args.addAll(List.of(inputs));
        Result r = run(args.toArray(String[]::new));
        org.assertj.core.api.Assertions.assertThat(r.exitCode()).as(r.err()).isZero();
        return r;
    }
}
