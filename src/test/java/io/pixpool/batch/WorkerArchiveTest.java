package io.pixpool.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.pixpool.core.InputFile;
import io.pixpool.core.Recipe;
import io.pixpool.core.ResizeSpec;
import io.pixpool.testing.EventRecorder;
import io.pixpool.testing.TestImages;
import io.pixpool.worker.WorkerMain;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workers' class-data archive: made by the first worker from a jar class path, then mapped by later ones. */
class WorkerArchiveTest {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    @Test
    void theFirstWorkerMakesTheArchiveAndLaterWorkersMapIt() throws Exception {
        Path jar = appJar(dir.resolve("app/pixpool.jar"));
        String cp = jar + File.pathSeparator + dependencyJars();
        Path cache = dir.resolve("cache");
        WorkerCommand command = WorkerCommand.forJava(JAVA, cp, WorkerCommand.jvmOptions(256, ""));
        WorkerArchive archive = WorkerArchive.in(cache, command);
        assertThat(archive.path()).isNotNull().doesNotExist();

        // the first batch: one of its workers dumps the classes it loaded when it exits; the dump becomes the archive
        assertAllDone(run(command, archive, "first"));
        assertThat(archive.path()).isRegularFile();
        assertThat(filesIn(cache)).containsExactly(archive.path().getFileName().toString());

        // the next batch maps it: with -Xshare:on a JVM that cannot use its archive does not start at all
        WorkerCommand strict = WorkerCommand.forJava(JAVA, cp, WorkerCommand.jvmOptions(256, "-Xshare:on"));
        WorkerArchive same = WorkerArchive.in(cache, strict);
        assertThat(same.path()).isEqualTo(archive.path());
        assertThat(same.lease().options()).containsExactly("-XX:SharedArchiveFile=" + archive.path());
        assertAllDone(run(strict, same, "second"));

        // a rebuilt jar gets an archive of its own, and the old one no longer fits it: that JVM's warning must not
        // reach stdout, the protocol channel, or no worker would start
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(WorkerArchive.in(cache, command).path()).isNotEqualTo(archive.path());
        WorkerCommand stale = WorkerCommand.forJava(JAVA, cp,
                WorkerCommand.jvmOptions(256, "-XX:SharedArchiveFile=" + archive.path()));
        assertAllDone(run(stale, WorkerArchive.NONE, "third"));
        String warning = "Unable to use shared archive";
        List<String> options = List.of("-Xshare:auto", "-XX:SharedArchiveFile=" + archive.path());
        Output routed = javaVersion(cp, WorkerCommand.VM_OUTPUT_TO_STDERR, options);
        assertThat(routed.stderr()).contains(warning);
        assertThat(routed.stdout()).doesNotContain(warning).startsWith("pixpool ");
        assertThat(javaVersion(cp, List.of(), options).stdout()).as("without the routing").contains(warning);
    }

    @Test
    void oneWorkerAtATimeMakesItAndOnlyANormalExitPublishesTheDump() throws IOException {
        Path jar = Files.write(dir.resolve("a.jar"), new byte[] {1, 2, 3});
        WorkerArchive a = WorkerArchive.in(dir.resolve("cache"), WorkerCommand.forJava(JAVA, jar.toString(), List.of()));

        WorkerArchive.Lease first = a.lease();
        assertThat(first.options()).containsExactly("-XX:ArchiveClassesAtExit=" + first.dump());
        assertThat(a.lease()).as("while one worker makes it").isEqualTo(WorkerArchive.Lease.NONE);

        assertThat(first.dump()).as("made before the worker starts: the folder takes files").exists();
        Files.writeString(first.dump(), "half written");
        a.ended(first, killed()); // a worker killed (timeout, cancel) or crashed while it held a file
        a.ended(WorkerArchive.Lease.NONE, finished()); // workers that did not make it change nothing
        assertThat(first.dump()).doesNotExist();
        assertThat(a.path()).doesNotExist();

        WorkerArchive.Lease retry = a.lease();
        assertThat(retry.dump()).isNotNull();
        Files.writeString(retry.dump(), "whole");
        a.ended(retry, finished());
        assertThat(a.path()).hasContent("whole");
        assertThat(filesIn(a.path().getParent())).containsExactly(a.path().getFileName().toString());
        assertThat(a.lease().options()).containsExactly("-XX:SharedArchiveFile=" + a.path());

        WorkerArchive b = WorkerArchive.in(dir.resolve("cache2"), WorkerCommand.forJava(JAVA, jar.toString(), List.of()));
        b.ended(b.lease(), finished()); // exited normally but dumped nothing (a JVM that cannot): no archive
        assertThat(b.path()).doesNotExist();
    }

    @Test
    void aDumpThatFailedIsNotTriedAgainForADay() throws IOException {
        Path jar = Files.write(dir.resolve("a.jar"), new byte[] {1});
        Path cache = dir.resolve("cache");
        WorkerCommand command = WorkerCommand.forJava(JAVA, jar.toString(), List.of());
        WorkerArchive a = WorkerArchive.in(cache, command);
        WorkerArchive.Lease lease = a.lease();
        // the worker said goodbye, then the JVM could not write its dump (a full disk) and exited with 1
        a.ended(lease, new WorkerExit(9, 1, null, false, true, 256, List.of("Unable to create shared archive file")));
        assertThat(lease.dump()).doesNotExist();
        assertThat(a.lease()).as("this batch").isEqualTo(WorkerArchive.Lease.NONE);
        WorkerArchive next = WorkerArchive.in(cache, command);
        assertThat(next.lease()).as("the next batch").isEqualTo(WorkerArchive.Lease.NONE);

        Path marker = cache.resolve(next.path().getFileName() + ".failed");
        Files.setLastModifiedTime(marker, FileTime.from(Instant.now().minus(Duration.ofHours(25))));
        assertThat(WorkerArchive.in(cache, command).lease().dump()).as("a day later").isNotNull();
    }

    /** A cache folder the user cannot write to: the batch runs as before, without an archive and without warnings. */
    @Test
    void anUnwritableCacheFolderIsLeftAlone() throws Exception {
        Path jar = appJar(dir.resolve("app/pixpool.jar"));
        Path cache = Files.createDirectories(dir.resolve("read-only cache"));
        assertThat(cache.toFile().setWritable(false, false)).isTrue();
        Path in = Files.createDirectories(dir.resolve("ro-in"));
        for (int i = 0; i < 3; i++) TestImages.write(in.resolve("img" + i + ".jpg"), 320, 240, "jpg", i);
        // root may write anywhere: drop the capability that lets it (as the reliability tests do)
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/setpriv", "--bounding-set=-dac_override,-dac_read_search",
                JAVA, "-D" + WorkerArchive.DIR_PROPERTY + "=" + cache, "-cp", jar + File.pathSeparator + dependencyJars(),
                "io.pixpool.Main", "batch", "--workers", "2", "--fit", "100x100", in.toString(), "--out",
                dir.resolve("ro-out").toString()));
        Path err = dir.resolve("ro-err.txt");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).redirectOutput(dir.resolve("ro-out.txt").toFile())
                .start();
        p.getOutputStream().close();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String stderr = Files.readString(err);
        assertThat(p.exitValue()).as(stderr).isZero();
        assertThat(stderr).doesNotContain("crashed").doesNotContain("WARNING");
        try (Stream<Path> s = Files.list(cache)) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void theNameFollowsTheJarsAndClassFoldersAreNeverArchived() throws IOException {
        Path jar = Files.write(dir.resolve("a.jar"), new byte[] {1});
        Path cache = dir.resolve("cache");
        WorkerCommand command = WorkerCommand.forJava(JAVA, jar.toString(), List.of());
        Path before = WorkerArchive.in(cache, command).path();
        assertThat(WorkerArchive.in(cache, command).path()).isEqualTo(before);
        Files.write(jar, new byte[] {1, 2});
        assertThat(WorkerArchive.in(cache, command).path()).isNotEqualTo(before);

        Path classes = Files.createDirectories(dir.resolve("classes"));
        WorkerArchive folder = WorkerArchive.in(cache, WorkerCommand.forJava(JAVA, jar + File.pathSeparator + classes,
                List.of()));
        assertThat(folder).isSameAs(WorkerArchive.NONE);
        assertThat(folder.lease()).isEqualTo(WorkerArchive.Lease.NONE);
    }

    @Test
    void theNameHashTellsKeysApartWherePartsEnd() {
        String h = WorkerArchive.hash(List.of("/opt/jdk|17.0.9", "/app/pixpool.jar|1234|99"));
        assertThat(h).matches("[0-9a-f]{16}").isEqualTo(WorkerArchive.hash(List.of("/opt/jdk|17.0.9",
                "/app/pixpool.jar|1234|99")));
        assertThat(WorkerArchive.hash(List.of("ab", "c"))).isNotEqualTo(WorkerArchive.hash(List.of("a", "bc")))
                .isNotEqualTo(WorkerArchive.hash(List.of("abc")));
        assertThat(WorkerArchive.hash(List.of("/app/pixpool.jar|1234|99")))
                .isNotEqualTo(WorkerArchive.hash(List.of("/app/pixpool.jar|1234|98")));
    }

    @Test
    void theThreeNewestArchivesAreKeptAndOldTempDumpsRemoved() throws IOException {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        for (int i = 1; i <= 4; i++) {
            Path old = Files.writeString(cache.resolve("worker-old" + i + ".jsa"), "old");
            Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(10 - i))));
        }
        Path deadTemp = Files.writeString(cache.resolve("worker-x.jsa.123-4.tmp"), "left by a dead coordinator");
        Files.setLastModifiedTime(deadTemp, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path jar = Files.write(dir.resolve("a.jar"), new byte[] {1});
        WorkerArchive a = WorkerArchive.in(cache, WorkerCommand.forJava(JAVA, jar.toString(), List.of()));

        WorkerArchive.Lease lease = a.lease();
        assertThat(deadTemp).doesNotExist();
        Files.writeString(lease.dump(), "new");
        a.ended(lease, finished());
        assertThat(filesIn(cache)).containsExactlyInAnyOrder(a.path().getFileName().toString(), "worker-old4.jsa",
                "worker-old3.jsa");
    }

    // ------------------------------------------------------------------------------------------------------------

    private static WorkerExit finished() {
        return new WorkerExit(7, 0, null, false, true, 256, List.of());
    }

    private static WorkerExit killed() {
        return new WorkerExit(8, 137, new WorkerExit.Kill(WorkerExit.Reason.TIMEOUT, "killed", "timed out"), false,
                false, 256, List.of());
    }

    private List<BatchEvent> run(WorkerCommand command, WorkerArchive archive, String name) throws Exception {
        Path in = Files.createDirectories(dir.resolve(name + "-in"));
        List<InputFile> inputs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            inputs.add(InputFile.of(TestImages.write(in.resolve("img" + i + ".jpg"), 320, 240, "jpg", i)));
        }
        EventRecorder events = new EventRecorder();
        BatchSettings settings = BatchSettings.of(Recipe.defaults().withResize(ResizeSpec.fit(100, 100)),
                dir.resolve(name + "-out")).withWorkers(2).withWorkerHeapMb(256);
        BatchSummary summary = Batch.start(settings, inputs, events, command, archive, null).await(Duration.ofMinutes(2));
        assertThat(summary).as("batch finished").isNotNull();
        events.assertConsistent(inputs.size());
        return events.all();
    }

    private static void assertAllDone(List<BatchEvent> events) {
        assertThat(events.stream().filter(e -> e instanceof BatchEvent.JobDone)).hasSize(4);
        assertThat(events.stream().filter(e -> e instanceof BatchEvent.WorkerExited))
                .allMatch(e -> ((BatchEvent.WorkerExited) e).reason().equals("finished"));
    }

    private record Output(String stdout, String stderr) {
    }

    /** {@code java <options> -cp cp io.pixpool.Main --version}, stdout and stderr apart. */
    private Output javaVersion(String cp, List<String> first, List<String> options) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(JAVA));
        cmd.addAll(first);
        cmd.addAll(options);
        cmd.addAll(List.of("-cp", cp, "io.pixpool.Main", "--version"));
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("exit of %s", cmd).isZero();
        return new Output(out, Files.readString(err));
    }

    /** A jar of the main classes (the JVM archives classes from jars only; Maven's test class path has folders). */
    private static Path appJar(Path jar) throws Exception {
        Path classes = Path.of(WorkerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Files.createDirectories(jar.getParent());
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    /** The jars of the test class path: the libraries the workers need, all jars. */
    private static String dependencyJars() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> e.endsWith(".jar") && Files.isRegularFile(Path.of(e)))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
