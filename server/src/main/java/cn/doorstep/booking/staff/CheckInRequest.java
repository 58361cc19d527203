package cn.doorstep.booking.staff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the staff phone scanned: the booking's code, or its whole QR payload ({@code doorstep:booking:CODE}). */
public record CheckInRequest(@NotBlank @Size(max = 64) String code) {
}
