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

@Tag(name = "Media",
        description = "Image upload, the only multipart endpoint; its URLs are what photo fields accept. See "
                + "media.md.")
@RestController
class MediaController {

    private final MediaService media;

    MediaController(MediaService media) {
        this.media = media;
    }

    @Operation(summary = "Upload one image; the reply's url is what photo fields accept",
            description = "Any signed-in user, with wx.uploadFile and the part named file (wx.request cannot send "
                    + "files). JPEG, PNG or WebP by content, up to 5 MB; EXIF, GPS, XMP and text are stripped "
                    + "losslessly and the image is stored under an unguessable name, then sent to WeChat's media check: "
                    + "until WeChat passes it (check), only its uploader and admins are shown it. Refused: 400 41001 not an "
                    + "image, 41002 over 5 MB, 41003 too many pixels; 429 over 60 uploads an hour; 503 41005 "
                    + "storage unavailable.")
    @PostMapping(path = "/api/v1/media/images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ApiResponse<UploadedImage> uploadImage(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                      @RequestPart(name = "file", required = false) MultipartFile file) {
        return ApiResponse.ok(media.upload(me, file));
    }
}
