package cn.doorstep.report.ranking;

/** What a weekly ranking ranks: the communities of a street or district, the streets of a district, or departments. */
public enum RankingLevel {
    COMMUNITY("社区"),
    STREET("街道"),
    DEPARTMENT("部门");

    private final String label;

    RankingLevel(String label) {
        this.label = label;
    }

    /** As a 通报's title names it. */
    public String label() {
        return label;
    }
}
