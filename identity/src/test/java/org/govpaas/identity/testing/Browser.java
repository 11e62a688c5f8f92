package org.govpaas.identity.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium for a service's journeys, with what every journey needs: signing in
 * and registering on the real Keycloak pages, and screenshots of what the person saw
 * ({@code target/screenshots/<name>.png}). Selenium is pointed at the Debian binaries so it
 * never tries to download a browser.
 */
public final class Browser implements AutoCloseable {

    private static final Pattern MISSING_MESSAGE = Pattern.compile("\\?\\?[^\\s?]+_[a-z]{2}(_[A-Z]{2})?\\?\\?");

    static final String CHROMIUM = System.getProperty("govpaas.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("govpaas.chromedriver", "/usr/bin/chromedriver");

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** A new browser with an empty profile (no cookies: a different person). */
    public static Browser start() {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "); `./govpaas test` installs them with apt when it may.");
        }
        try {
            Path profile = Files.createTempDirectory("govpaas-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--window-size=1280,1000", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return new Browser(driver);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Browser open(String url) {
        driver.get(url);
        return this;
    }

    public WebElement find(By by) {
        return waitFor().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /**
     * The font the page's body and each element in it with a GOV.UK Frontend class ask for first,
     * as the browser computed it. GOV.UK's own font, GDS Transport, is licensed for gov.uk only: none of
     * our pages may ask for it (nor for its files, which nothing serves).
     */
    public Set<String> govukElementFonts() {
        List<?> fonts = (List<?>) driver.executeScript("return [document.body, ...document.body.querySelectorAll('[class*=\"govuk-\"]')]"
                + ".map(e => getComputedStyle(e).fontFamily.split(',')[0].replaceAll('\"', '').trim())");
        return new TreeSet<>(fonts.stream().map(String::valueOf).toList());
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public WebDriverWait waitFor() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** On a Keycloak login page: enter the credentials and submit. */
    public Browser signIn(String username, String password) {
        find(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        return this;
    }

    /**
     * On the citizens realm's Keycloak login page: follow "Register", fill in the form (a
     * complete profile, so Keycloak asks for nothing else) and submit.
     */
    public Browser register(String username, String password) {
        find(By.cssSelector("a[href*='registration']")).click();
        find(By.id("username")).sendKeys(username);
        fillIfPresent("email", username + "@example.org");
        fillIfPresent("firstName", username);
        fillIfPresent("lastName", "Citizen");
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("password-confirm")).sendKeys(password);
        driver.findElement(By.cssSelector("form#kc-register-form [type=submit]")).click();
        return this;
    }

    private void fillIfPresent(String id, String value) {
        List<WebElement> fields = driver.findElements(By.id(id));
        if (!fields.isEmpty()) {
            fields.get(0).sendKeys(value);
        }
    }

    /**
     * Saves what the person saw to {@code target/screenshots/<name>.png}, after checking that it
     * shows no missing message: Thymeleaf writes a key it cannot find as {@code ??key_locale??}.
     */
    public Browser screenshot(String name) {
        Matcher missing = MISSING_MESSAGE.matcher(pageText());
        if (missing.find()) {
            throw new AssertionError("Page " + driver.getCurrentUrl() + " (" + name + ") shows a missing message: "
                    + missing.group());
        }
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
