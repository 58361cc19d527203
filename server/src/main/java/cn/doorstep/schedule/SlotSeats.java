package cn.doorstep.schedule;

import cn.doorstep.schedule.internal.SlotMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seats of a slot, moved only by DESIGN §4's guarded updates: each is one conditional UPDATE whose
 * row count decides, run inside the caller's transaction (booking's, which decides the order its
 * locks are taken in). Each bumps the slot's version, which booking's gate checks when it reloads.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class SlotSeats {

    private final SlotMapper slots;

    SlotSeats(SlotMapper slots) {
        this.slots = slots;
    }

    /** Takes a free seat: false when the slot is closed or none is free (held seats are not free). */
    public boolean take(long slotId) {
        return slots.takeSeat(slotId) == 1;
    }

    /** Gives a booked seat back (a cancellation); false when none was booked. */
    public boolean release(long slotId) {
        return slots.releaseSeat(slotId) == 1;
    }

    /** Sets a free seat aside for someone offered it from a waitlist; false when none is free. */
    public boolean hold(long slotId) {
        return slots.holdSeat(slotId) == 1;
    }

    /** Frees a held seat (the offer expired or was declined). */
    public boolean unhold(long slotId) {
        return slots.unholdSeat(slotId) == 1;
    }

    /** An accepted offer: a held seat becomes booked; false when the slot closed or holds none. */
    public boolean bookHeld(long slotId) {
        return slots.bookHeldSeat(slotId) == 1;
    }
}
