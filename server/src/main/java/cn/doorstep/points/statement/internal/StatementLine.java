package cn.doorstep.points.statement.internal;

import com.baomidou.mybatisplus.annotation.TableName;
import java.math.BigDecimal;

/** One earning kind's totals on a statement; also the row shape of the ledger's totals query. */
@TableName("points_statement_line")
public class StatementLine {
    private Long statementId;
    private String kind;
    private Integer entries;
    private Long points;
    private BigDecimal hours;

    public Long getStatementId() { return statementId; }
    public void setStatementId(Long statementId) { this.statementId = statementId; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public Integer getEntries() { return entries; }
    public void setEntries(Integer entries) { this.entries = entries; }
    public Long getPoints() { return points; }
    public void setPoints(Long points) { this.points = points; }
    public BigDecimal getHours() { return hours; }
    public void setHours(BigDecimal hours) { this.hours = hours; }
}
