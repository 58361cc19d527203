package cn.doorstep.schedule.internal;

import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDate;

/** A row of {@code booking_service_exception}: a dated change of a service's schedule (closed, or other hours). */
@TableName("booking_service_exception")
public class ServiceDateException {

    private Long serviceId;
    private LocalDate onDate;
    private Boolean closed;
    private String opens;
    private String closes;

    public Long getServiceId() {
        return serviceId;
    }

    public void setServiceId(Long serviceId) {
        this.serviceId = serviceId;
    }

    public LocalDate getOnDate() {
        return onDate;
    }

    public void setOnDate(LocalDate onDate) {
        this.onDate = onDate;
    }

    public Boolean getClosed() {
        return closed;
    }

    public void setClosed(Boolean closed) {
        this.closed = closed;
    }

    public String getOpens() {
        return opens;
    }

    public void setOpens(String opens) {
        this.opens = opens;
    }

    public String getCloses() {
        return closes;
    }

    public void setCloses(String closes) {
        this.closes = closes;
    }
}
