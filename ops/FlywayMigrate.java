import org.flywaydb.core.Flyway;

/**
 * Applies sql/ to a scratch schema with the same Flyway the app runs (for ops/backup-restore-drill.sh
 * --seed): java -cp <flyway-core, flyway-mysql, mysql-connector-j, jackson> ops/FlywayMigrate.java URL USER PASSWORD DIR
 */
public class FlywayMigrate {
    public static void main(String[] args) {
        var result = Flyway.configure().dataSource(args[0], args[1], args[2])
                .locations("filesystem:" + args[3]).load().migrate();
        System.out.println("flyway: " + result.migrationsExecuted + " migrations applied, schema at " + result.targetSchemaVersion);
    }
}
