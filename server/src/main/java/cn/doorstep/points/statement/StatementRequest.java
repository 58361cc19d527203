package cn.doorstep.points.statement;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** The period a statement covers, both days included (China dates). */
public record StatementRequest(@NotNull LocalDate from, @NotNull LocalDate to) {
}
