package floor;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A query's round trip on the blocking pool, in plain JDBC on HikariCP (the -Pdb build only): what a request that
 * reads the database costs at least.
 */
@Controller("/db")
final class DbController {

    private final DataSource pool;

    DbController(DataSource dataSource, DataSourceResolver resolver) {
        // the pool itself, not Micronaut Data's proxy (which wants a connection opened by its own advice)
        this.pool = resolver.resolve(dataSource);
    }

    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    HelloController.Greeting hello() throws SQLException {
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT 'Amara Okafor'");
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return new HelloController.Greeting("cus_floor", rs.getString(1));
        }
    }
}
