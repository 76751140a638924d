package io.capdex.cli;

import io.capdex.media.MediaException;
import io.capdex.media.MediaInfo;
import io.capdex.media.MediaProbe;
import io.capdex.media.StreamInfo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code capdex probe MEDIA…}: container, duration, streams and tags of media files, from FFmpeg. */
@Command(name = "probe", description = "Show media facts: container, duration, streams, tags.")
final class ProbeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "MEDIA", description = "Video or audio files.")
    List<Path> files;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    /** The {@code probe} JSON shape of DESIGN.md §3, plus the files that could not be read. */
    record ProbeReport(List<MediaInfo> files, List<FileError> errors) {}

    record FileError(String path, String message) {}

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<MediaInfo> infos = new ArrayList<>();
        List<FileError> errors = new ArrayList<>();
        for (Path file : files) {
            try {
                MediaInfo info = MediaProbe.probe(file);
                infos.add(info);
                if (!json) {
                    printHuman(out, info);
                }
            } catch (MediaException e) {
                errors.add(new FileError(file.toString(), e.getMessage()));
                err.println(e.getMessage());
            }
        }
        if (json) {
            JsonOutput.print(out, new ProbeReport(infos, errors));
        }
        out.flush();
        err.flush();
        return errors.isEmpty() ? ExitCode.OK : ExitCode.INPUT;
    }

    private static void printHuman(PrintWriter out, MediaInfo info) {
        out.printf("%s: %s, %s%s%n", info.path(), info.container(),
                info.durationMs() == null ? "unknown duration" : Timecodes.clock(info.durationMs()),
                info.hasAudio() ? "" : ", no audio");
        for (StreamInfo s : info.streams()) {
            StringBuilder sb = new StringBuilder();
            sb.append("  #").append(s.index()).append(' ').append(s.type().name().toLowerCase()).append(' ')
                    .append(s.codec());
            if (s.language() != null && !s.language().isEmpty()) {
                sb.append(" [").append(s.language()).append(']');
            }
            if (s.width() != null && s.height() != null) {
                sb.append(' ').append(s.width()).append('x').append(s.height());
            }
            if (s.fps() != null) {
                sb.append(String.format(" %.3f fps", s.fps()).replaceAll("\\.?0+ fps$", " fps"));
            }
            if (s.rotation() != null && s.rotation() != 0) {
                sb.append(" rotated ").append(s.rotation()).append('°');
            }
            if (s.channels() != null) {
                sb.append(' ').append(s.channels()).append(s.channels() == 1 ? " channel" : " channels");
            }
            if (s.sampleRate() != null) {
                sb.append(' ').append(s.sampleRate()).append(" Hz");
            }
            if (s.title() != null && !s.title().isEmpty()) {
                sb.append(" \"").append(s.title()).append('"');
            }
            out.println(sb);
        }
        for (Map.Entry<String, String> tag : info.tags().entrySet()) {
            out.println("  " + tag.getKey() + ": " + tag.getValue());
        }
    }
}
