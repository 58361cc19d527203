package cn.doorstep.report;

import cn.doorstep.common.PlainText;
import cn.doorstep.media.MediaUrl;
import cn.doorstep.station.StationRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * A report (诉求 / 随手拍) as a resident, rider or grid head files it. The text goes through WeChat's
 * content check; the location is a GCJ-02 pin ({@code wx.getLocation({type:'gcj02'})} or the map picker)
 * within China. A rider paired with a grid (流动网格员) files to that grid whatever community is named.
 */
public record FileReportRequest(
        @NotNull @Positive @Schema(description = "the community the problem is in") Long communityId,
        @Positive @Schema(description = "optional: the grid (网格) within the community") Long gridId,
        @NotNull ReportCategory category,
        @NotBlank @Size(max = 1000) @PlainText(multiline = true) String text,
        @Size(max = 9) List<@NotNull @MediaUrl String> photos,
        @NotNull @DecimalMin(StationRequest.MIN_LAT) @DecimalMax(StationRequest.MAX_LAT) BigDecimal lat,
        @NotNull @DecimalMin(StationRequest.MIN_LNG) @DecimalMax(StationRequest.MAX_LNG) BigDecimal lng,
        @Size(max = 128) @PlainText @Schema(description = "optional, e.g. 3号楼北侧路口") String address) {
}
