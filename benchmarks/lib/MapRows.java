import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * MapRows: the thread CPU time to map one row as the read model does (CustomerMapper.customer: value objects,
 * metadata JSON) and to build its answer (CustomerResponse.from: timestamps, metadata map), on whichever jar is
 * on the class path. Rows like benchmarks/sql/load_customers.sql's (metadata of 0 or 6 keys). Not part of the build:
 * {@code javac -cp bootstrap/target/novabilling.jar -d /tmp/maprows benchmarks/lib/MapRows.java &&
 * java -XX:+UseSerialGC -cp bootstrap/target/novabilling.jar:/tmp/maprows MapRows} (docs/benchmarks.md, "The hot
 * path, third pass"). It reaches the adapter's package-private mapper by reflection.
 */
public class MapRows {
    public static void main(String[] args) throws Exception {
        String pkg = "com.novabilling.adapter.out.persistence.postgres.customer.";
        Class<?> keyC = Class.forName(pkg + "CustomerKey");
        Class<?> rowC = Class.forName(pkg + "CustomerRow");
        Method customer = Class.forName(pkg + "CustomerMapper").getDeclaredMethod("customer", rowC);
        customer.setAccessible(true);
        Class<?> viewC = Class.forName("com.novabilling.application.port.shared.customer.CustomerView");
        Class<?> custC = Class.forName("com.novabilling.domain.customer.Customer");
        Method withoutBilling = viewC.getMethod("withoutBilling", custC);
        Method from = Class.forName("com.novabilling.adapter.in.rest.customer.CustomerResponse").getMethod("from", viewC);
        Random r = new Random(15);
        String[] first = {"Wanjiru", "Nakato", "Chinedu", "Amara", "Kwame", "Zoë"};
        String[] last = {"Okello", "Mukasa", "Otieno", "Kamau"};
        String[] dom = {"gmail.com", "mtn.co.ug", "safaricom.co.ke", "accrabiz.com.gh"};
        String[] cc = {"UG", "KE", "NG", "GH"};
        String[] cur = {"UGX", "KES", "NGN", "GHS"};
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String id = "cust_01" + String.format("%024d", i).replace('0', 'a').replace('1', 'b').replace('2', 'c')
                    .replace('3', 'd').replace('4', 'e').replace('5', 'f').replace('6', 'g').replace('7', 'h')
                    .replace('8', 'j').replace('9', 'k');
            String f = first[r.nextInt(first.length)], l = last[r.nextInt(last.length)];
            String meta = r.nextInt(10) == 0 ? "{}" : "{\"plan\": \"pro\", \"seats\": " + r.nextInt(500)
                    + ", \"userId\": \"usr_" + i + "\", \"verified\": true, \"accountType\": \"business\", \"signupSource\": \"web\"}";
            Instant created = Instant.ofEpochMilli(1_700_000_000_000L + r.nextInt(1_000_000_000));
            int c = r.nextInt(cc.length);
            rows.add(rowC.getConstructors()[0].newInstance(keyC.getConstructors()[0].newInstance("default", id),
                    r.nextInt(10) < 7 ? "usr_" + i : null, f.toLowerCase() + "." + l.toLowerCase() + i + "@" + dom[r.nextInt(dom.length)],
                    f + " " + l, cc[c], cur[c], "active", meta, created, created.plusSeconds(r.nextInt(100000))));
        }
        var bean = ManagementFactory.getThreadMXBean();
        Object sink = null;
        for (int round = 0; round < 8; round++) {
            long t0 = bean.getCurrentThreadCpuTime();
            int n = 0;
            for (int k = 0; k < 200; k++) {
                for (Object row : rows) {
                    Object cust = customer.invoke(null, row);
                    sink = from.invoke(null, withoutBilling.invoke(null, cust));
                    n++;
                }
            }
            long t1 = bean.getCurrentThreadCpuTime();
            if (round >= 3) {
                System.out.printf("round %d: %.2f us of thread CPU per row (%d rows)%n", round, (t1 - t0) / 1000.0 / n, n);
            }
        }
        if (sink == null) System.out.println("?");
    }
}
