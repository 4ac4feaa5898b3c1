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
}
