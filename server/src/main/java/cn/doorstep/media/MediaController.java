package cn.doorstep.media;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "Media")
@RestController
class MediaController {

    private final MediaService media;

    MediaController(MediaService media) {
        this.media = media;
    }

    @Operation(summary = "Upload one image (wx.uploadFile, part name \"file\"): JPEG, PNG or WebP up to 5 MB; "
            + "metadata (EXIF, GPS) is removed; the reply's url is what photo fields accept")
    @PostMapping(path = "/api/v1/media/images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ApiResponse<UploadedImage> uploadImage(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                      @RequestPart(name = "file", required = false) MultipartFile file) {
        return ApiResponse.ok(media.upload(me, file));
    }
}
