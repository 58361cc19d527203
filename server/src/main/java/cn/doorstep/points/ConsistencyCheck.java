package cn.doorstep.points;

import java.util.List;

/**
 * One family of invariants the consistency report runs (points here; the rewards feature adds its
 * stock). Each returns what it found wrong; an empty list means it holds.
 */
public interface ConsistencyCheck {

    /** A short name for the report, e.g. {@code points.balances}. */
    String name();

    /** How many things were checked. */
    long checked();

    /** Human-readable findings, ids only. */
    List<String> problems();
}
