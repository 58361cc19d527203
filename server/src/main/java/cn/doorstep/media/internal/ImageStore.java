package cn.doorstep.media.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Where image files live: a local folder ({@link LocalImageStore}, the default; nginx serves it) or an
 * S3-compatible bucket every instance reads ({@link S3ImageStore}; the app serves it). Chosen by
 * {@code doorstep.media.storage}. A {@code path} is a stored image's path below the base URL
 * ({@code 202612/<22 random characters>.jpg}); the stores never see a URL.
 */
public interface ImageStore {

    /**
     * Stores a new image under {@code path}, visible only once complete (a reader never gets half a file).
     *
     * @return false when the name is taken (the caller draws another); true once stored
     * @throws IOException the store is unreachable or refused the write
     */
    boolean create(String path, byte[] bytes, String contentType) throws IOException;

    /**
     * The served image at {@code path}, to stream to a phone: empty when there is none (never stored,
     * deleted, or withdrawn). The caller closes its content.
     *
     * @throws IOException the store is unreachable
     */
    Optional<StoredImage> open(String path) throws IOException;

    /**
     * Takes a withdrawn image out of what is served, keeping it (same path) for admins and appeals.
     * Already withdrawn (a redelivered verdict) is fine.
     *
     * @throws IllegalStateException the store could not do it (the caller's transaction rolls back)
     */
    void withdraw(String path);

    /** Deletes {@code path} if it is there, logging a failure instead of throwing (an upload being undone). */
    void deleteQuietly(String path);

    /** A served image: its bytes, how many, and its type. */
    record StoredImage(InputStream content, long length, String contentType) {
    }
}
