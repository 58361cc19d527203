package cn.doorstep.report.internal;

import cn.doorstep.common.ApiException;
import cn.doorstep.media.ImageCheck;
import cn.doorstep.media.MediaService;
import cn.doorstep.report.ReportError;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The media check's word on the photos sent with a report or a step (a resolution's evidence, a reply): one
 * place for filing, the grid's and the departments' steps.
 */
@Component
public class ReportPhotoCheck {

    /** The flag a report gets when a photo sent with it is held for a person's review. */
    public static final String PHOTO_REVIEW = "PHOTO_REVIEW";

    private final MediaService media;

    ReportPhotoCheck(MediaService media) {
        this.media = media;
    }

    /**
     * Refuses a photo WeChat withdrew (422 60005 naming it); returns {@link #PHOTO_REVIEW} when one is held
     * for review, else null. A photo still being checked passes: it is shown to the workers and its uploader
     * only until WeChat passes it.
     */
    public String check(List<String> urls) {
        if (urls == null || urls.isEmpty()) {
            return null;
        }
        Map<String, ImageCheck> checks = media.checksOf(urls);
        String flag = null;
        for (int i = 0; i < urls.size(); i++) {
            ImageCheck check = checks.get(urls.get(i));
            if (check == ImageCheck.WITHDRAWN) {
                throw ApiException.badField(ReportError.PHOTO_WITHDRAWN, "photos[" + i + "]", "this photo was withdrawn");
            }
            if (check == ImageCheck.REVIEW) {
                flag = PHOTO_REVIEW;
            }
        }
        return flag;
    }
}
