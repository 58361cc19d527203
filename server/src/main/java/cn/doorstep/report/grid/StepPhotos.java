package cn.doorstep.report.grid;

import cn.doorstep.common.ApiException;
import cn.doorstep.media.ImageCheck;
import cn.doorstep.media.MediaService;
import cn.doorstep.report.ReportError;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Photos sent with a step (a resolution's evidence, a reply): checked as filing checks them. */
@Component
class StepPhotos {

    private final MediaService media;

    StepPhotos(MediaService media) {
        this.media = media;
    }

    /**
     * Refuses a photo WeChat withdrew (422 60005 naming it). One still being checked or held for review is
     * kept: it is shown to the workers and its uploader only until WeChat passes it.
     */
    void requireNoneWithdrawn(List<String> urls) {
        if (urls == null || urls.isEmpty()) {
            return;
        }
        Map<String, ImageCheck> checks = media.checksOf(urls);
        for (int i = 0; i < urls.size(); i++) {
            if (checks.get(urls.get(i)) == ImageCheck.WITHDRAWN) {
                throw ApiException.badField(ReportError.PHOTO_WITHDRAWN, "photos[" + i + "]", "this photo was withdrawn");
            }
        }
    }
}
