package io.pixpool.ui;

import io.pixpool.core.InputFile;
import java.nio.file.Path;
import java.util.Objects;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One file of the list and how it fared in the latest batch that included it. Observable and read-only to the view;
 * changed (on the FX thread) only by the view-model, through {@link #moveTo} which enforces {@link RowStatus}'s
 * transitions.
 */
public final class FileRow {

    /** Value of number properties that are not known (yet). */
    public static final long UNKNOWN = -1;

    private final InputFile input;
    private final Path origin;
    private final ReadOnlyStringWrapper name;
    private final ReadOnlyStringWrapper folder;
    private final ReadOnlyObjectWrapper<RowStatus> status = new ReadOnlyObjectWrapper<>(this, "status", RowStatus.QUEUED);
    private final ReadOnlyIntegerWrapper worker = new ReadOnlyIntegerWrapper(this, "worker", 0);
    private final ReadOnlyObjectWrapper<Dims> inputDims = new ReadOnlyObjectWrapper<>(this, "inputDims");
    private final ReadOnlyLongWrapper inputBytes;
    private final ReadOnlyObjectWrapper<Dims> outputDims = new ReadOnlyObjectWrapper<>(this, "outputDims");
    private final ReadOnlyLongWrapper outputBytes = new ReadOnlyLongWrapper(this, "outputBytes", UNKNOWN);
    private final ReadOnlyLongWrapper millis = new ReadOnlyLongWrapper(this, "millis", UNKNOWN);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Path> output = new ReadOnlyObjectWrapper<>(this, "output");
    private final ReadOnlyObjectWrapper<OutputSizes> outputSizes = new ReadOnlyObjectWrapper<>(this, "outputSizes");
    private final ReadOnlyStringWrapper quality = new ReadOnlyStringWrapper(this, "quality", "");

    /**
     * @param input      the file and where its output goes below the output root
     * @param origin     the path the user gave (the file itself or the folder it was found in)
     * @param inputBytes the file's size, or {@link #UNKNOWN}
     */
    public FileRow(InputFile input, Path origin, long inputBytes) {
        this.input = Objects.requireNonNull(input, "input");
        this.origin = Objects.requireNonNull(origin, "origin");
        Path source = input.source();
        this.name = new ReadOnlyStringWrapper(this, "name", String.valueOf(source.getFileName()));
        Path parent = source.getParent();
        this.folder = new ReadOnlyStringWrapper(this, "folder", parent == null ? "" : parent.toString());
        this.inputBytes = new ReadOnlyLongWrapper(this, "inputBytes", inputBytes);
    }

    public InputFile input() { return input; }
    public Path source() { return input.source(); }
    public Path origin() { return origin; }

    public ReadOnlyStringProperty nameProperty() { return name.getReadOnlyProperty(); }
    public ReadOnlyStringProperty folderProperty() { return folder.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<RowStatus> statusProperty() { return status.getReadOnlyProperty(); }
    /** Worker slot (1-based) that ran the file last; 0 when none did. */
    public ReadOnlyIntegerProperty workerProperty() { return worker.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Dims> inputDimsProperty() { return inputDims.getReadOnlyProperty(); }
    public ReadOnlyLongProperty inputBytesProperty() { return inputBytes.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Dims> outputDimsProperty() { return outputDims.getReadOnlyProperty(); }
    public ReadOnlyLongProperty outputBytesProperty() { return outputBytes.getReadOnlyProperty(); }
    /** Processing time of the last attempt in milliseconds, or {@link #UNKNOWN}. */
    public ReadOnlyLongProperty millisProperty() { return millis.getReadOnlyProperty(); }
    /** Why the file failed or was skipped, or a note while it is retried; empty otherwise. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    /** The written (or, when skipped, the existing) output file; null before that. */
    public ReadOnlyObjectProperty<Path> outputProperty() { return output.getReadOnlyProperty(); }

    /** The output's size, or all outputs' sizes when the file has several; null before the file is done. */
    public ReadOnlyObjectProperty<OutputSizes> outputSizesProperty() { return outputSizes.getReadOnlyProperty(); }
    /** The JPEG / lossy WebP quality of each output ("62, 85"), the one a KB limit chose; empty if none applies. */
    public ReadOnlyStringProperty qualityProperty() { return quality.getReadOnlyProperty(); }

    public String getName() { return name.get(); }
    public RowStatus getStatus() { return status.get(); }
    public String getMessage() { return message.get(); }
    public Path getOutput() { return output.get(); }
    public Dims getOutputDims() { return outputDims.get(); }
    public int getWorker() { return worker.get(); }

    /** Moves to {@code next} if {@link RowStatus#canMoveTo} allows it; false (and no change) otherwise. */
    boolean moveTo(RowStatus next) {
        if (!status.get().canMoveTo(next)) return false;
        status.set(next);
        return true;
    }

    /** Back to queued with the results of the previous run cleared, before the file is run again. */
    void requeue() {
        moveTo(RowStatus.QUEUED);
        worker.set(0);
        outputDims.set(null);
        outputBytes.set(UNKNOWN);
        millis.set(UNKNOWN);
        message.set("");
        output.set(null);
        outputSizes.set(null);
        quality.set("");
    }

    void setWorker(int slot) { worker.set(slot); }
    void setMessage(String text) { message.set(text == null ? "" : text); }
    void setMillis(long ms) { millis.set(ms); }
    void setOutput(Path path) { output.set(path); }
    void setOutputs(OutputSizes sizes, String qualities) {
        outputSizes.set(sizes);
        quality.set(qualities == null ? "" : qualities);
    }

    void setResult(Dims in, long inBytes, Dims out, long outBytes) {
        inputDims.set(in);
        if (inBytes >= 0) inputBytes.set(inBytes);
        outputDims.set(out);
        outputBytes.set(outBytes);
    }

    @Override
    public String toString() {
        return source() + " [" + status.get() + "]";
    }
}
