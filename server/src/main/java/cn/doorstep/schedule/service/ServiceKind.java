package cn.doorstep.schedule.service;

/** ROOM: a space booked by the slot (党员活动室, 协商议事室, 文体康养室); SERVICE: someone's time (haircuts, legal advice). */
public enum ServiceKind {
    ROOM,
    SERVICE
}
