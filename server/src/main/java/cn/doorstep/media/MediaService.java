package cn.doorstep.media;

import cn.doorstep.common.ApiException;
import cn.doorstep.common.CommonError;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.RateLimiter;
import cn.doorstep.common.Zones;
import cn.doorstep.media.internal.ImageSanitizer;
import cn.doorstep.media.internal.ImageStore;
import cn.doorstep.media.internal.MediaImage;
import cn.doorstep.media.internal.MediaImageMapper;
import cn.doorstep.wechat.WeChatClient;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Stores uploaded images. The file is checked and cleaned ({@link ImageSanitizer}) before anything is
 * written, then handed to the {@link ImageStore} (the local folder, or a bucket every instance reads),
 * which never shows half a file; its row in {@code media_image} says who uploaded it. Names carry 128
 * random bits: nobody finds an image they were not given the URL of.
 */
@Service
public class MediaService {

    /** A stored image's path below the base URL: month folder, 22 random characters, extension. */
    static final String PATH_PATTERN = "[0-9]{6}/[A-Za-z0-9_-]{22}\\.(?:jpg|png|webp)";

    private static final Logger log = LoggerFactory.getLogger(MediaService.class);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM");
    private static final long MAX_FILE_BYTES = 5L * 1024 * 1024;

    private final MediaProperties properties;
    private final MediaImageMapper images;
    private final ImageStore store;
    private final MediaChecks checks;
    private final WeChatClient weChat;
    private final RateLimiter rateLimiter;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    MediaService(MediaProperties properties, MediaImageMapper images, ImageStore store, MediaChecks checks,
                 WeChatClient weChat, RateLimiter rateLimiter, ApplicationEventPublisher events, Clock clock) {
        this.properties = properties;
        this.images = images;
        this.store = store;
        this.checks = checks;
        this.weChat = weChat;
        this.rateLimiter = rateLimiter;
        this.events = events;
        this.clock = clock;
    }

    /** An upload from the mini-program ({@code wx.uploadFile}), within the user's hourly limit. */
    public UploadedImage upload(CurrentUser me, MultipartFile file) {
        rateLimiter.hit("media-upload", "user:" + me.id(), properties.uploadsPerHour(), Duration.ofHours(1));
        if (file == null || file.isEmpty()) {
            throw ApiException.badField(CommonError.VALIDATION_FAILED, "file",
                    "send one image as the multipart part named file");
        }
        if (file.getSize() > MAX_FILE_BYTES) {
            throw new ApiException(MediaError.IMAGE_TOO_LARGE);
        }
        try {
            return store(me.id(), file.getBytes());
        } catch (IOException e) {
            throw new ApiException(MediaError.MALFORMED_UPLOAD);
        }
    }

    /**
     * Checks, cleans and stores an image's bytes for {@code ownerId}, then hands it to WeChat's media check
     * ({@link MediaChecks}): until WeChat's verdict, only its uploader and admins are shown it. Without an
     * appid (the local profile, where nobody signs in with WeChat) there is no check and the image is shown
     * (check_label NO_APPID). Also how demo data adds images.
     */
    public UploadedImage store(long ownerId, byte[] bytes) {
        if (bytes.length > MAX_FILE_BYTES) {
            throw new ApiException(MediaError.IMAGE_TOO_LARGE);
        }
        ImageSanitizer.Clean clean;
        try {
            clean = ImageSanitizer.sanitize(bytes, properties.maxPixels());
        } catch (ImageSanitizer.Rejected rejected) {
            throw new ApiException(rejected.tooManyPixels() ? MediaError.TOO_MANY_PIXELS : MediaError.NOT_AN_IMAGE);
        }
        String path = write(clean);
        var row = new MediaImage();
        row.setOwnerId(ownerId);
        row.setPath(path);
        row.setContentType(clean.format().contentType());
        row.setBytes(clean.bytes().length);
        row.setWidth(clean.width());
        row.setHeight(clean.height());
        boolean checked = weChat.configured();
        row.setCheckStatus((checked ? ImageCheck.PENDING : ImageCheck.PASSED).name());
        row.setCheckLabel(checked ? null : "NO_APPID");
        row.setCheckAttempts(0);
        row.setCheckRequestedAt(clock.instant());
        try {
            images.insert(row);
        } catch (RuntimeException e) {
            store.deleteQuietly(path); // no row, no file: nothing unowned is served
            throw e;
        }
        if (checked) {
            try {
                checks.submit(row);
            } catch (RuntimeException e) { // the image is stored and PENDING: the media-check job sends it
                log.warn("Sending image {} to WeChat's media check failed; the job retries it", row.getId(), e);
            }
        }
        MediaImage stored = images.selectById(row.getId()); // as the check left it
        return new UploadedImage(urlOf(path), clean.format().contentType(), clean.width(), clean.height(),
                clean.bytes().length, ImageCheck.valueOf(stored.getCheckStatus()));
    }

    /**
     * Of {@code urls} (photo URLs as stored by another feature), those {@code viewerId} may be shown, in
     * their order: every image WeChat passed; the viewer's own uploads while checked; for an admin (of the
     * object they belong to, as the caller decides) every image not withdrawn. One query for all.
     */
    @Transactional(readOnly = true)
    public List<String> shownTo(long viewerId, boolean admin, List<String> urls) {
        Map<String, MediaImage> rows = rowsOf(urls);
        return urls.stream().filter(url -> {
            MediaImage row = rows.get(url);
            if (row == null) {
                return false; // not an image of ours (or of another base URL): nobody checked it
            }
            ImageCheck check = ImageCheck.valueOf(row.getCheckStatus());
            return check.shownToAll() || (check != ImageCheck.WITHDRAWN && (admin || row.getOwnerId() == viewerId));
        }).toList();
    }

    /** Where each of {@code urls} is in the media check; URLs not of ours are missing from the map. */
    @Transactional(readOnly = true)
    public Map<String, ImageCheck> checksOf(Collection<String> urls) {
        Map<String, ImageCheck> checks = new HashMap<>();
        rowsOf(urls).forEach((url, row) -> checks.put(url, ImageCheck.valueOf(row.getCheckStatus())));
        return checks;
    }

    /**
     * An admin's decision on images held for review ({@link ImageCheck#REVIEW}): shown to all, or withdrawn
     * (taken out of what is served, {@link ImageWithdrawn} published). The caller checks the admin's scope
     * and audits; images in any other state are left as they are. Returns how many were decided.
     */
    @Transactional
    public int review(Collection<String> urls, boolean pass) {
        int decided = 0;
        for (MediaImage row : rowsOf(urls).values()) {
            if (images.review(row.getId(), pass ? ImageCheck.PASSED : ImageCheck.WITHDRAWN,
                    pass ? "ADMIN_PASSED" : "ADMIN_WITHDRAWN", clock.instant()) > 0) {
                decided++;
                if (!pass) {
                    store.withdraw(row.getPath());
                    events.publishEvent(new ImageWithdrawn(row.getId(), urlOf(row.getPath()), row.getOwnerId(),
                            ImageWithdrawn.BY_ADMIN));
                }
            }
        }
        return decided;
    }

    private Map<String, MediaImage> rowsOf(Collection<String> urls) {
        String prefix = properties.baseUrl() + "/";
        Map<String, String> urlByPath = new HashMap<>();
        for (String url : urls) {
            if (url != null && url.startsWith(prefix)) {
                urlByPath.put(url.substring(prefix.length()), url);
            }
        }
        Map<String, MediaImage> rows = new HashMap<>();
        for (MediaImage row : images.selectByPaths(urlByPath.keySet())) {
            rows.put(urlByPath.get(row.getPath()), row);
        }
        return rows;
    }

    /** The URL phones load a stored path from. */
    public String urlOf(String path) {
        return properties.baseUrl() + "/" + path;
    }

    private String write(ImageSanitizer.Clean clean) {
        String month = MONTH.format(clock.instant().atZone(Zones.CHINA));
        try {
            for (int attempt = 0; ; attempt++) {
                byte[] name = new byte[16];
                random.nextBytes(name);
                String path = month + "/" + Base64.getUrlEncoder().withoutPadding().encodeToString(name) + "."
                        + clean.format().extension();
                if (store.create(path, clean.bytes(), clean.format().contentType())) {
                    return path;
                }
                if (attempt >= 3) {
                    throw new IOException("four random names in a row were taken");
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Storing an image failed: {}", e.toString());
            throw new ApiException(MediaError.STORAGE_UNAVAILABLE);
        }
    }
}
