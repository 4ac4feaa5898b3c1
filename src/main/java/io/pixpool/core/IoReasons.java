package io.pixpool.core;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Turns an I/O exception into the short OS reason a user can act on ("permission denied", "No space left..."). */
final class IoReasons {

    private IoReasons() {
    }

    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file or folder";
        if (e instanceof NotDirectoryException) return "not a folder";
        if (e instanceof DirectoryNotEmptyException) return "folder not empty";
        if (e instanceof FileAlreadyExistsException) return "already exists";
        if (e instanceof FileSystemException) {
            String r = ((FileSystemException) e).getReason();
            if (r != null && !r.isBlank()) return r;
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /**
     * The reason behind a failed write: image writers wrap the OS error in their own ("I/O error writing PNG
     * file!"), so the innermost I/O exception with a message is the one that says what happened ("No space left
     * on device").
     */
    static String writeReason(IOException e) {
        IOException deepest = e;
        Throwable t = e.getCause();
        for (int depth = 0; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof IOException io && io.getMessage() != null && !io.getMessage().isBlank()) deepest = io;
        }
        return reason(deepest);
    }
}
