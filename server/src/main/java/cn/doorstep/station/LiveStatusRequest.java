package cn.doorstep.station;

import cn.doorstep.common.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the staff say now, with an optional short note ("微波炉坏了"). */
public record LiveStatusRequest(@NotNull LiveStatus status, @Size(max = 64) @PlainText String note) {
}
