package io.pixpool.ui;

import io.pixpool.batch.BatchListener;
import io.pixpool.batch.BatchSettings;
import io.pixpool.batch.BatchSummary;
import io.pixpool.batch.watch.FolderWatch;
import io.pixpool.batch.watch.WatchListener;
import io.pixpool.batch.watch.WatchSettings;
import java.io.IOException;

/** A running watch folder as the window sees it: a batch whose intake can be stopped. */
public interface WatchHandle extends BatchHandle {

    /** Stops watching; the files already taken finish, then the batch ends. */
    void stopWatching();

    /** Starts watching with the real worker pool. */
    static WatchHandle start(WatchSettings watch, BatchSettings settings, BatchListener listener,
                             WatchListener watchListener) throws IOException {
        FolderWatch fw = FolderWatch.start(watch, settings, listener, watchListener);
        return new WatchHandle() {
            @Override public void stopWatching() { fw.stop(); }
            @Override public void pause() { fw.pause(); }
            @Override public void resume() { fw.resume(); }
            @Override public void cancel() { fw.cancel(); }
            @Override public BatchSummary await() throws InterruptedException { return fw.await(); }
        };
    }
}
