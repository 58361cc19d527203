package cn.doorstep.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for a test class: Debian's /usr/bin/chromium driven by /usr/bin/chromedriver, both
 * named explicitly, so Selenium Manager never runs and nothing is downloaded. Missing, they are installed from
 * the OS's packages by tools/install-chromium.sh (as root); failing that, the test fails (never a skip). Screenshots go to server/target/console-screenshots/.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final String base;
    private final Path profile;

    private ConsoleBrowser(String base, Dimension size) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            installChromium();
        }
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The console's browser tests need Debian's Chromium and its driver at " + CHROMIUM + " and "
                    + CHROMEDRIVER + ": run tools/install-chromium.sh (as root) and try again");
        }
        // never let Selenium Manager look for (or download) a browser or driver
        System.setProperty("SE_AVOID_BROWSER_DOWNLOAD", "true");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        this.base = base;
        this.profile = Files.createTempDirectory("console-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=zh-CN", "--user-data-dir=" + profile,
                "--window-size=" + size.getWidth() + "," + size.getHeight());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        Files.createDirectories(SCREENSHOTS);
        driver.get(base + "/console/");
        resize(size.getWidth(), size.getHeight());
    }

    private static boolean installTried;

    /**
     * On a fresh machine the README's test command installs what these tests need, once a run: the repository's
     * tools/install-chromium.sh (Debian's packages, as root). Where it cannot (not root, no apt-get), the test
     * fails with the message above, never skips.
     */
    private static synchronized void installChromium() throws IOException {
        if (installTried) {
            return;
        }
        installTried = true;
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("tools/install-chromium.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            return;
        }
        Process install = new ProcessBuilder(dir.resolve("tools/install-chromium.sh").toString()).inheritIO().start();
        try {
            if (!install.waitFor(15, java.util.concurrent.TimeUnit.MINUTES)) {
                install.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static ConsoleBrowser open(int port) throws IOException {
        return new ConsoleBrowser("http://127.0.0.1:" + port, new Dimension(1366, 768));
    }

    void go(String hash) {
        driver.get(base + "/console/#" + hash);
    }

    /** A fresh start: no session in this tab. */
    void signOut() {
        driver.get(base + "/console/");
        driver.executeScript("sessionStorage.clear()");
        driver.get(base + "/console/#/login");
        find("login-form");
    }

    /** Sizes the viewport (what a page lays out in) to width × height: the window is that plus its frame. */
    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        Long innerWidth = (Long) script("return window.innerWidth");
        Long innerHeight = (Long) script("return window.innerHeight");
        driver.manage().window().setSize(new Dimension(2 * width - innerWidth.intValue(), 2 * height - innerHeight.intValue()));
    }

    WebElement find(String test) {
        return wait.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("[data-test='" + test + "']"));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    WebElement findIn(WebElement parent, String test) {
        return parent.findElement(By.cssSelector("[data-test='" + test + "']"));
    }

    void type(String test, String text) {
        WebElement input = find(test);
        input.clear();
        input.sendKeys(text);
    }

    void click(String test) {
        find(test).click();
    }

    /** Waits until the element's text contains this. */
    String waitForText(String test, String part) {
        return wait.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("[data-test='" + test + "']"));
            return !found.isEmpty() && found.get(0).getText().contains(part) ? found.get(0).getText() : null;
        });
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Waits for window.__console[name], what a page exposed for the tests (a chart's option, say). */
    Object exposed(String name) {
        return wait.until(d -> script("return window.__console && window.__console['" + name + "']"));
    }

    void signIn(String loginName, String password) {
        signOut();
        type("login-name", loginName);
        type("password", password);
        click("submit");
    }

    /** Saves a screenshot as target/console-screenshots/{name}.png, after asserting nothing overflows sideways. */
    void screenshot(String name) throws IOException {
        Long overflow = (Long) script("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow).as("the page %s is no wider than the window", name).isLessThanOrEqualTo(0L);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The page's script errors since the last call (failed requests the pages expect are not script errors). */
    List<String> scriptErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> !m.contains("Failed to load resource")).toList();
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
