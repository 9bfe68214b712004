package ai.cinatra.bootstrap.oauth;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven by WebDriver: the Debian {@code chromium} and {@code chromium-driver}
 * packages, named explicitly so Selenium never tries to download a browser or a driver.
 */
final class Chromium implements AutoCloseable {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String BROWSER =
      System.getenv().getOrDefault("CINATRA_TEST_CHROMIUM", "/usr/bin/chromium");
  private static final String DRIVER =
      System.getenv().getOrDefault("CINATRA_TEST_CHROMEDRIVER", "/usr/bin/chromedriver");

  final ChromeDriver driver;

  Chromium() {
    if (!new File(BROWSER).canExecute() || !new File(DRIVER).canExecute()) {
      throw new AssertionError(
          "the browser tests need "
              + BROWSER
              + " and "
              + DRIVER
              + ": apt-get install chromium chromium-driver (./test.sh does)");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1200,1000");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  void open(String url) {
    driver.get(url);
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  /** Clicks what leads to another page (a link, a form's button) and waits for that page. */
  void follow(String css) {
    follow(find(css));
  }

  void follow(WebElement element) {
    element.click();
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(element));
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(
            d -> "complete".equals(((ChromeDriver) d).executeScript("return document.readyState")));
  }

  boolean has(String css) {
    return !driver.findElements(By.cssSelector(css)).isEmpty();
  }

  String text(String css) {
    return find(css).getText();
  }

  /** Waits until the element's text is {@code expected}. */
  void awaitText(String css, String expected, Duration wait) {
    new WebDriverWait(driver, wait)
        .withMessage(() -> css + " never read " + expected + ": " + driver.getPageSource())
        .until(d -> has(css) && expected.equals(text(css)));
  }

  /** Saves what the browser shows as target/screenshots/{name}.png. */
  Path screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path target = SCREENSHOTS.resolve(name + ".png");
    Files.copy(
        driver.getScreenshotAs(OutputType.FILE).toPath(),
        target,
        StandardCopyOption.REPLACE_EXISTING);
    return target;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
