package io.capdex.batch;

import io.capdex.caption.Format;
import io.capdex.caption.Source;
import io.capdex.detect.CaptionSyntax;
import io.capdex.detect.FileKind;
import io.capdex.detect.FileKinds;
import io.capdex.detect.TextDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds the interviews in folders and pairs their files (DESIGN.md §4): walks the roots (links followed, each
 * folder once, so link loops end; hidden files and capdex's data folder skipped), names each file's role from its
 * name and, when {@link DiscoveryOptions#readContent()} is on, checks it against the content (content wins: a
 * {@code .srt} that holds WebVTT is WebVTT, a {@code .txt} that holds SRT is captions, a video named {@code .srt}
 * is not captions), groups files by ID per folder, probes each video for its audio language, and decides every
 * track's source. A folder with a {@code capdex.csv} is paired by its rows alone. Nothing here is fatal: unknown
 * files, CSV errors and ID conflicts are returned for the report.
 */
public final class Discovery {
    /** The ranking of video files for one ID: a picture beats audio only; the common containers first. */
    private static final List<String> VIDEO_PREFERENCE = List.of("mp4", "mkv", "mov", "webm");

    // WebVTT inline timestamps (<00:01.500> or <00:00:01.500>) and TTML spans with their own begin time
    private static final Pattern VTT_WORD_TIMING = Pattern.compile("<(?:\\d{2,}:)?\\d{2}:\\d{2}\\.\\d{3}>");
    private static final Pattern TTML_WORD_TIMING = Pattern.compile("<(?:[A-Za-z_][\\w.-]*:)?span\\b[^>]*\\bbegin=");

    private final DiscoveryOptions options;
    private final List<Diagnostic> problems = new ArrayList<>();
    private final List<IgnoredFile> unpaired = new ArrayList<>();
    private final Set<Path> visitedFolders = new HashSet<>();
    private final Set<Path> seenFiles = new HashSet<>();
    private final Map<Path, Folder> folders = new LinkedHashMap<>();
    private final @Nullable Path dataFolder;

    /** The files of one folder and its collection name. */
    private record Folder(Path path, String collection, List<Path> files) {
    }

    /** A file with its role and ID, before grouping. */
    private record Candidate(Path path, Path folder, String collection, FileName name, @Nullable Source csvSource,
                             @Nullable Path manifest, boolean wordTimings) {
        String key() {
            return name.id().toLowerCase(Locale.ROOT);
        }
    }

    private Discovery(DiscoveryOptions options) {
        this.options = options;
        Path data = options.dataFolder();
        Path real = null;
        if (data != null) {
            try {
                real = data.toRealPath();
            } catch (IOException e) {
                real = data.toAbsolutePath().normalize(); // not created yet: nothing inside a root can be it
            }
        }
        this.dataFolder = real;
    }

    /** Scans the roots (folders, or single files paired with nothing but each other) and pairs what it finds. */
    public static DiscoveryResult scan(List<Path> roots, DiscoveryOptions options) {
        return new Discovery(options).run(roots);
    }

    private DiscoveryResult run(List<Path> roots) {
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                walk(root, root);
            } else if (Files.isRegularFile(root)) {
                addRootFile(root);
            } else if (Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                problems.add(new Diagnostic(root, 0, Files.isSymbolicLink(root) ? "a broken link" : "not a file or folder"));
            } else {
                problems.add(new Diagnostic(root, 0, "no such file or folder"));
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        Set<Path> claimed = new HashSet<>();
        // manifests first: a capdex.csv row may name a file in a subfolder, which is then not paired there again
        for (Folder folder : folders.values()) {
            Path csv = folder.path().resolve(Manifest.FILE_NAME);
            if (folder.files().contains(csv)) {
                readManifest(folder, csv, candidates, claimed);
            }
        }
        for (Folder folder : folders.values()) {
            Path csv = folder.path().resolve(Manifest.FILE_NAME);
            boolean manifested = folder.files().contains(csv);
            for (Path file : folder.files()) {
                if (file.equals(csv) || claimed.contains(file.toAbsolutePath().normalize())) {
                    continue;
                }
                if (manifested) {
                    unpaired.add(new IgnoredFile(file, "not listed in " + csv.getFileName()
                            + ", which pairs this folder"));
                    continue;
                }
                classifyByName(file, folder).ifPresent(candidates::add);
            }
        }
        return pair(candidates);
    }

    private void addRootFile(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null || !rememberFile(file)) {
            return;
        }
        String collection = parent.getFileName() == null ? "/" : parent.getFileName().toString();
        Path folderKey = file.getParent() == null ? Path.of("") : file.getParent();
        folders.computeIfAbsent(folderKey, k -> new Folder(k, collection, new ArrayList<>())).files().add(file);
    }

    private void walk(Path folder, Path root) {
        Path real;
        try {
            real = folder.toRealPath();
        } catch (IOException e) {
            problems.add(new Diagnostic(folder, 0, "cannot be read (" + IoReason.of(e) + ")"));
            return;
        }
        if (!visitedFolders.add(real)) {
            return; // a link back to a folder already walked (a loop), or overlapping roots
        }
        if (real.equals(dataFolder) || (folder != root && isDataFolderName(folder))) {
            return;
        }
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            stream.forEach(entries::add);
        } catch (IOException e) {
            problems.add(new Diagnostic(folder, 0, "cannot be read (" + IoReason.of(e) + ")"));
            return;
        }
        entries.sort(Comparator.comparing(p -> p.getFileName().toString()));
        List<Path> files = new ArrayList<>();
        List<Path> subfolders = new ArrayList<>();
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (name.startsWith(".")) {
                continue; // hidden files, editors' backups, capdex's own temporary files
            }
            if (Files.isDirectory(entry)) {
                subfolders.add(entry);
            } else if (Files.isRegularFile(entry)) {
                if (rememberFile(entry)) {
                    files.add(entry);
                }
            } else if (Files.isSymbolicLink(entry) && !Files.exists(entry)) {
                unpaired.add(new IgnoredFile(entry, "a broken link"));
            } else {
                unpaired.add(new IgnoredFile(entry, "not a regular file"));
            }
        }
        folders.put(folder, new Folder(folder, collection(root, folder), files));
        for (Path sub : subfolders) {
            walk(sub, root);
        }
    }

    private static boolean isDataFolderName(Path folder) {
        Path name = folder.getFileName();
        return name != null && name.toString().equals(DiscoveryOptions.DEFAULT_DATA_FOLDER_NAME);
    }

    /** False for a file already seen under another name (a link to it, or overlapping roots). */
    private boolean rememberFile(Path file) {
        try {
            return seenFiles.add(file.toRealPath());
        } catch (IOException e) {
            return seenFiles.add(file.toAbsolutePath().normalize());
        }
    }

    private static String collection(Path root, Path folder) {
        Path relative = root.relativize(folder);
        if (relative.toString().isEmpty()) {
            Path name = root.toAbsolutePath().normalize().getFileName();
            return name == null ? "/" : name.toString();
        }
        StringBuilder sb = new StringBuilder();
        for (Path part : relative) {
            sb.append(sb.length() == 0 ? "" : "/").append(part);
        }
        return sb.toString();
    }

    // ---- classification -------------------------------------------------------------------------------------

    /** What the content says, read once per file; null when contents are not read. */
    private record Content(FileKind kind, boolean wordTimings) {
    }

    private Optional<Content> content(Path file) throws IOException {
        if (!options.readContent()) {
            return Optional.empty();
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(FileKinds.HEAD_BYTES);
        }
        FileKind kind = FileKinds.detect(file, head);
        boolean words = false;
        if (kind.caption() == CaptionSyntax.VTT || kind.caption() == CaptionSyntax.TTML) {
            String text = TextDecoder.decode(head).text();
            words = (kind.caption() == CaptionSyntax.VTT ? VTT_WORD_TIMING : TTML_WORD_TIMING).matcher(text).find();
        }
        return Optional.of(new Content(kind, words));
    }

    private Optional<Candidate> classifyByName(Path file, Folder folder) {
        String name = file.getFileName().toString();
        return classify(file, name, FileName.parse(name), folder.path(), folder.collection(), null, null, "");
    }

    /**
     * The candidate for one file, or empty after listing it as unpaired. {@code named} is what the name (or the
     * CSV row) says; {@code where} prefixes reasons for CSV rows ({@code capdex.csv:3: }).
     */
    private Optional<Candidate> classify(Path file, String fileName, Optional<FileName> named, Path folder,
                                         String collection, @Nullable Source csvSource, @Nullable Path manifest,
                                         String where) {
        Optional<Content> content;
        try {
            if (Files.size(file) == 0) {
                return unpaired(file, where + "empty file");
            }
            content = content(file);
        } catch (IOException e) {
            return unpaired(file, where + "cannot be read (" + IoReason.of(e) + ")");
        }
        FileName result;
        String said = where.isEmpty() ? "named as " : "listed as ";
        boolean words = content.map(Content::wordTimings).orElse(false);
        if (content.isEmpty()) {
            if (named.isEmpty()) {
                return unpaired(file, "not a video, caption, transcript or page file by its name");
            }
            result = named.get();
            if (result.role() == FileRole.CAPTIONS && result.format() == null) {
                return unpaired(file, where + "no caption format by its name; content not read");
            }
        } else {
            FileKind kind = content.get().kind();
            // capdex's own JSON view is an export, not an input of ingest (a *.truth.json with "cues" is data)
            Optional<Format> captionFormat = kind.captionSyntax().flatMap(CaptionSyntax::format)
                    .filter(f -> f != Format.JSON);
            FileRole role = named.map(FileName::role).orElse(null);
            if (kind.kind() == FileKind.Kind.CAPTION && kind.caption() != CaptionSyntax.JSON && captionFormat.isEmpty()) {
                return unpaired(file, where + kind.caption().displayName() + " captions are not supported");
            }
            if (role == FileRole.VIDEO) {
                if (kind.kind() != FileKind.Kind.VIDEO && kind.kind() != FileKind.Kind.AUDIO) {
                    return unpaired(file, where + said + "a video but the content is " + kind.mediaType());
                }
                result = named.get();
            } else if (captionFormat.isPresent()) {
                // content beats the extension: captions are captions whatever the name promised
                FileName n = named.orElse(null);
                if (n != null && (role == FileRole.CAPTIONS || role == FileRole.TRANSCRIPT)) {
                    result = new FileName(FileRole.CAPTIONS, n.id(), n.lang(), n.edited(), n.extension(),
                            captionFormat.get());
                } else if (n != null && !where.isEmpty()) {
                    result = new FileName(FileRole.CAPTIONS, n.id(), n.lang(), false, n.extension(), captionFormat.get());
                } else {
                    Optional<FileName> asCaptions = FileName.asCaptions(fileName, captionFormat.get());
                    if (asCaptions.isEmpty()) {
                        return unpaired(file, "captions, but the name gives no interview ID");
                    }
                    result = asCaptions.get();
                }
            } else if (role == FileRole.CAPTIONS) {
                return unpaired(file, where + said + "captions but the content is " + kind.mediaType());
            } else if (role == FileRole.TRANSCRIPT || role == FileRole.PAGE) {
                if (kind.kind() != FileKind.Kind.DOCUMENT && kind.kind() != FileKind.Kind.TEXT) {
                    return unpaired(file, where + said + "a " + role.id() + " but the content is " + kind.mediaType());
                }
                result = named.get();
            } else if (kind.kind() == FileKind.Kind.VIDEO || kind.kind() == FileKind.Kind.AUDIO) {
                result = FileName.asVideo(fileName); // content beats the extension: talk.mpg is a video
            } else {
                return unpaired(file, "not a video, caption, transcript or page file (" + kind.mediaType() + ")");
            }
        }
        Optional<String> idProblem = InterviewIds.problem(result.id());
        if (idProblem.isPresent()) {
            return unpaired(file, where + "cannot pair: " + idProblem.get());
        }
        return Optional.of(new Candidate(file, folder, collection, result, csvSource, manifest, words));
    }

    private Optional<Candidate> unpaired(Path file, String reason) {
        unpaired.add(new IgnoredFile(file, reason));
        return Optional.empty();
    }

    private void readManifest(Folder folder, Path csv, List<Candidate> candidates, Set<Path> claimed) {
        Manifest.Result manifest = Manifest.read(csv);
        problems.addAll(manifest.problems());
        Path base = folder.path().toAbsolutePath().normalize();
        for (Manifest.Row row : manifest.rows()) {
            claimed.add(row.path());
            // the path as the walk would have named it, so messages show what the user gave
            Path file = folder.path().resolve(base.relativize(row.path()));
            String fileName = file.getFileName().toString();
            Optional<FileName> byName = FileName.parse(fileName).filter(n -> n.role() == row.role());
            String lang = !row.lang().isEmpty() ? row.lang() : byName.map(FileName::lang).orElse("");
            boolean edited = row.source() == Source.EDITED
                    || (row.source() == null && byName.map(FileName::edited).orElse(false));
            Format format = row.role() == FileRole.CAPTIONS ? Format.fromFileName(fileName).orElse(null) : null;
            String extension = fileName.lastIndexOf('.') < 0 ? ""
                    : fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            FileName named = new FileName(row.role(), row.id(), lang, edited, extension, format);
            String where = csv + ":" + row.line() + ": ";
            classify(file, fileName, Optional.of(named), folder.path(), folder.collection(), row.source(), csv, where)
                    .ifPresent(candidates::add);
        }
    }

    // ---- pairing --------------------------------------------------------------------------------------------

    private DiscoveryResult pair(List<Candidate> candidates) {
        // group per folder and ID (case-insensitive: Talk.mp4 and talk.en.srt belong together, and stored IDs
        // must not differ only by case on a case-insensitive disk)
        Map<String, Map<Path, List<Candidate>>> byId = new TreeMap<>();
        for (Candidate c : candidates) {
            byId.computeIfAbsent(c.key(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(c.folder(), k -> new ArrayList<>()).add(c);
        }
        List<Interview> interviews = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        for (Map<Path, List<Candidate>> groups : byId.values()) {
            List<List<Candidate>> pairable = new ArrayList<>();
            for (List<Candidate> group : groups.values()) {
                if (group.stream().anyMatch(c -> c.name().role() == FileRole.VIDEO
                        || c.name().role() == FileRole.CAPTIONS)) {
                    pairable.add(group);
                } else {
                    for (Candidate c : group) {
                        unpaired.add(new IgnoredFile(c.path(), "no video or captions for ID " + c.name().id()
                                + " in this folder; nothing to ingest"));
                    }
                }
            }
            if (pairable.size() > 1) {
                TreeSet<Path> folderSet = new TreeSet<>();
                TreeSet<Path> paths = new TreeSet<>();
                pairable.forEach(g -> g.forEach(c -> {
                    folderSet.add(c.folder());
                    paths.add(c.path());
                }));
                conflicts.add(new Conflict(displayId(pairable.get(0)), List.copyOf(folderSet), List.copyOf(paths)));
            } else if (pairable.size() == 1) {
                interviews.add(interview(pairable.get(0)));
            }
        }
        interviews.sort(Comparator.comparing(Interview::id));
        unpaired.sort(Comparator.comparing(IgnoredFile::path));
        return new DiscoveryResult(interviews, unpaired, conflicts, problems);
    }

    private static String displayId(List<Candidate> group) {
        // the video's spelling, else the first file's
        return group.stream().filter(c -> c.name().role() == FileRole.VIDEO).findFirst()
                .or(() -> group.stream().min(Comparator.comparing(Candidate::path)))
                .map(c -> c.name().id()).orElseThrow();
    }

    private Interview interview(List<Candidate> group) {
        String id = displayId(group);
        Candidate first = group.get(0);
        List<IgnoredFile> ignored = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Path manifest = group.stream().map(Candidate::manifest).filter(m -> m != null).findFirst().orElse(null);

        List<Candidate> videos = byRole(group, FileRole.VIDEO);
        videos.sort(Comparator.comparingInt((Candidate c) -> videoRank(c.name().extension()))
                .thenComparing(Candidate::path));
        Candidate video = videos.isEmpty() ? null : videos.get(0);
        for (Candidate other : videos.subList(Math.min(1, videos.size()), videos.size())) {
            ignored.add(new IgnoredFile(other.path(), "a second video for " + id + "; "
                    + video.path().getFileName() + " is used"));
        }
        List<Candidate> pages = byRole(group, FileRole.PAGE);
        Path page = pages.isEmpty() ? null : pages.get(0).path();
        for (Candidate other : pages.subList(Math.min(1, pages.size()), pages.size())) {
            ignored.add(new IgnoredFile(other.path(), "a second page for " + id + "; " + page.getFileName()
                    + " is used"));
        }
        List<TranscriptFile> transcripts = transcripts(byRole(group, FileRole.TRANSCRIPT), ignored);

        VideoFacts facts = null;
        if (video != null) {
            try {
                facts = options.probe().probe(video.path());
            } catch (Exception e) {
                // one unreadable video never stops discovery; the pipeline meets it again and fails the interview
                notes.add("the video could not be probed (" + e.getMessage() + "); spoken language from the captions");
            }
        }
        List<Candidate> captions = byRole(group, FileRole.CAPTIONS);
        Spoken spoken = spokenLanguage(video, facts, captions, notes);
        String spokenLanguage = spoken.lang();
        List<CaptionFile> files = new ArrayList<>();
        for (Candidate c : captions) {
            FileName n = c.name();
            Source source;
            if (c.csvSource() != null) {
                source = c.csvSource();
            } else if (n.edited()) {
                source = Source.EDITED;
            } else if (n.lang().isEmpty()) {
                source = spokenLanguage.isEmpty() ? Source.ASR : null;
            } else {
                source = spokenLanguage.isEmpty() || LanguageTags.sameLanguage(n.lang(), spokenLanguage)
                        ? Source.ASR : Source.MT;
            }
            files.add(new CaptionFile(c.path(), n.lang(), source == Source.EDITED, n.format(), c.wordTimings(),
                    source));
        }
        List<CaptionFile> tracks = richest(files, ignored);
        for (CaptionFile c : tracks) {
            if (!c.languageKnown()) {
                notes.add(c.path().getFileName() + " names no language; it is detected from the text");
            }
        }
        return new Interview(id, first.collection(), first.folder(), video == null ? null : video.path(), facts,
                spokenLanguage, spoken.from(), tracks, transcripts, page, manifest, ignored, notes);
    }

    private static List<Candidate> byRole(List<Candidate> group, FileRole role) {
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : group) {
            if (c.name().role() == role) {
                out.add(c);
            }
        }
        out.sort(Comparator.comparing(Candidate::path));
        return out;
    }

    private static int videoRank(String extension) {
        int i = VIDEO_PREFERENCE.indexOf(extension);
        if (i >= 0) {
            return i;
        }
        return extension.equals("m4a") ? VIDEO_PREFERENCE.size() + 1 : VIDEO_PREFERENCE.size();
    }

    private static List<TranscriptFile> transcripts(List<Candidate> candidates, List<IgnoredFile> ignored) {
        Map<String, TranscriptFile> byLang = new TreeMap<>();
        for (Candidate c : candidates) {
            TranscriptFile t = new TranscriptFile(c.path(), c.name().lang(), c.name().extension());
            TranscriptFile kept = byLang.get(t.lang());
            if (kept == null) {
                byLang.put(t.lang(), t);
                continue;
            }
            TranscriptFile winner = t.preference() > kept.preference() ? t : kept;
            TranscriptFile loser = winner == t ? kept : t;
            byLang.put(t.lang(), winner);
            ignored.add(new IgnoredFile(loser.path(), "a second transcript" + (t.lang().isEmpty() ? "" : " in "
                    + t.lang()) + "; " + winner.path().getFileName()
                    + " is used (plain text > DOCX > ODT > HTML > PDF)"));
        }
        return List.copyOf(byLang.values());
    }

    /**
     * The spoken language and where it came from: a {@code capdex.csv} statement (a video row's lang, or a
     * captions row marked {@code asr}), else the video's audio language tag, else the one language the
     * non-edited captions are in (or the edited ones, when there are no others). Empty when none of these tell.
     */
    /** The spoken language and where it came from (empty strings when unknown). */
    private record Spoken(String lang, String from) {
    }

    private static Spoken spokenLanguage(@Nullable Candidate video, @Nullable VideoFacts facts,
                                           List<Candidate> captions, List<String> notes) {
        if (video != null && video.manifest() != null && !video.name().lang().isEmpty()) {
            return new Spoken(video.name().lang(), Manifest.FILE_NAME);
        }
        for (Candidate c : captions) {
            if (c.csvSource() == Source.ASR && !c.name().lang().isEmpty()) {
                return new Spoken(c.name().lang(), Manifest.FILE_NAME);
            }
        }
        if (facts != null && facts.audioLanguage() != null) {
            Optional<String> tag = LanguageTags.fromContainer(facts.audioLanguage());
            if (tag.isPresent()) {
                return new Spoken(tag.get(), "video");
            }
            notes.add("the audio language tag \"" + facts.audioLanguage() + "\" is not a known language code; "
                    + "spoken language from the captions");
        }
        Set<String> plain = new TreeSet<>();
        Set<String> edited = new TreeSet<>();
        for (Candidate c : captions) {
            (c.name().edited() || c.csvSource() == Source.EDITED ? edited : plain).add(c.name().lang());
        }
        Set<String> languages = plain.isEmpty() ? edited : plain;
        if (languages.size() == 1) {
            String only = languages.iterator().next();
            return new Spoken(only, only.isEmpty() ? "" : "captions");
        }
        if (languages.size() > 1) {
            notes.add("spoken language unknown: " + (video == null ? "no video" : "no audio language tag")
                    + " and captions in " + languages.size() + " languages (" + String.join(", ", nonEmpty(languages))
                    + "); every track is taken as asr; name the spoken language in capdex.csv");
        }
        return new Spoken("", "");
    }

    private static List<String> nonEmpty(Set<String> languages) {
        List<String> out = new ArrayList<>();
        for (String l : languages) {
            out.add(l.isEmpty() ? "unnamed" : l);
        }
        return out;
    }

    /**
     * One file per track: of two files for the same language and source the richer wins
     * ({@link CaptionFile#richness()}); at equal richness the one whose path sorts first. Files without a
     * language and with an undecided source are taken as one track ({@code talk.srt} and {@code talk.vtt} are
     * the same captions exported twice).
     */
    private static List<CaptionFile> richest(List<CaptionFile> files, List<IgnoredFile> ignored) {
        Map<String, CaptionFile> kept = new TreeMap<>();
        Map<String, List<CaptionFile>> losers = new HashMap<>();
        for (CaptionFile f : files) {
            String key = f.lang() + "|" + (f.source() == null ? "?" : f.source().id());
            CaptionFile current = kept.get(key);
            if (current == null) {
                kept.put(key, f);
            } else if (f.richness() > current.richness()) {
                kept.put(key, f);
                losers.computeIfAbsent(key, k -> new ArrayList<>()).add(current);
            } else {
                losers.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
            }
        }
        losers.forEach((key, list) -> {
            CaptionFile winner = kept.get(key);
            for (CaptionFile loser : list) {
                String track = (winner.lang().isEmpty() ? "no language" : winner.lang())
                        + (winner.source() == null ? "" : ", " + winner.source().id());
                String why = loser.richness() == winner.richness()
                        ? "both " + winner.describe() + "; the first by name is kept"
                        : winner.describe() + " is richer than " + loser.describe();
                ignored.add(new IgnoredFile(loser.path(), "the same track (" + track + ") as "
                        + winner.path().getFileName() + ", which is used: " + why));
            }
        });
        ignored.sort(Comparator.comparing(IgnoredFile::path));
        List<CaptionFile> out = new ArrayList<>(kept.values());
        out.sort(Comparator.comparing(CaptionFile::lang).thenComparing(c -> c.source() == null ? "" : c.source().id()));
        return out;
    }
}
