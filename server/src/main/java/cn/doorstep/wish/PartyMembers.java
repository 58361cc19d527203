package cn.doorstep.wish;

/**
 * Who besides volunteers may claim wishes: in-service party members whose 双报到 registration their
 * community confirmed. Implemented by the party feature, so that wishes need not know it.
 */
public interface PartyMembers {

    boolean isConfirmedMember(long userId);
}
