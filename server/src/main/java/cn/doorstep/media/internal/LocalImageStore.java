package cn.doorstep.media.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Images in a local folder (nginx's {@code $media_root} in production): written under a temporary name
 * and moved into place, so nginx never serves half a file; a withdrawn image moves to a folder outside
 * nginx's reach. One instance's disk: behind nginx with two instances, use a shared bucket instead.
 */
public class LocalImageStore implements ImageStore {

    private static final Logger log = LoggerFactory.getLogger(LocalImageStore.class);

    private final Path dir;
    private final Path withdrawnDir;

    public LocalImageStore(Path dir, Path withdrawnDir) {
        this.dir = dir;
        this.withdrawnDir = withdrawnDir;
    }

    @Override
    public boolean create(String path, byte[] bytes, String contentType) throws IOException {
        Path target = dir.resolve(path);
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
        try {
            Files.write(temp, bytes);
            readableByAll(temp); // nginx runs as another user than the app
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (FileAlreadyExistsException taken) {
            delete(temp);
            return false;
        } catch (IOException | RuntimeException e) {
            delete(temp);
            throw e;
        }
    }

    @Override
    public Optional<StoredImage> open(String path) throws IOException {
        Path file = dir.resolve(path);
        try {
            long length = Files.size(file);
            return Optional.of(new StoredImage(Files.newInputStream(file), length, contentTypeOf(path)));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        }
    }

    @Override
    public void withdraw(String path) {
        Path from = dir.resolve(path);
        Path to = withdrawnDir.resolve(path);
        try {
            Files.createDirectories(to.getParent());
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchFileException gone) {
            if (!Files.exists(to)) {
                log.warn("Withdrawn image {} was in neither folder", path);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not move withdrawn image " + path + " out of the served folder", e);
        }
    }

    @Override
    public void deleteQuietly(String path) {
        delete(dir.resolve(path));
    }

    static String contentTypeOf(String path) {
        return path.endsWith(".png") ? "image/png" : path.endsWith(".webp") ? "image/webp" : "image/jpeg";
    }

    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows (development only): files are readable by the folder's users anyway
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", file.getFileName(), e.toString());
        }
    }
}
