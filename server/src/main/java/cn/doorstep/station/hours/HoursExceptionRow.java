package cn.doorstep.station.hours;

import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDate;

@TableName("station_hours_exception")
public class HoursExceptionRow {
    private Long stationId;
    private LocalDate onDate;
    private Boolean closed;
    private String opens;
    private String closes;
    private String note;

    public Long getStationId() { return stationId; }
    public void setStationId(Long stationId) { this.stationId = stationId; }
    public LocalDate getOnDate() { return onDate; }
    public void setOnDate(LocalDate onDate) { this.onDate = onDate; }
    public Boolean getClosed() { return closed; }
    public void setClosed(Boolean closed) { this.closed = closed; }
    public String getOpens() { return opens; }
    public void setOpens(String opens) { this.opens = opens; }
    public String getCloses() { return closes; }
    public void setCloses(String closes) { this.closes = closes; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
