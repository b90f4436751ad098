package dev.akepa.review;

import dev.akepa.testsupport.ServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The case page's document viewer in Chromium, under the console's CSP (script only from 'self'). */
class DocumentViewerBrowserTest {
    @RegisterExtension
    static final ServerExtension running = new ServerExtension();
    @RegisterExtension
    static final AnalystBrowser alice = new AnalystBrowser(running, "alice");

    @Test
    void theViewerZoomsRotatesFitsAndShowsFullSize() {
        String customerId = ReviewCases.waitingWithRealImages(running.api());
        alice.session().openCase(customerId);
        alice.session().wait.until(d -> number("return document.querySelectorAll('img.document[style*=width]').length") == 2);

        WebElement front = alice.session().browser.findElement(By.cssSelector("figure.pane[data-view=front]"));
        WebElement img = front.findElement(By.cssSelector("img.document"));
        long stageWidth = number("return arguments[0].parentElement.clientWidth", img);
        assertThat(width(img)).isPositive().isLessThanOrEqualTo(stageWidth);
        double fitted = Double.parseDouble(img.getDomAttribute("data-scale"));

        front.findElement(By.cssSelector("button[data-act=in]")).click();
        assertThat(img.getDomAttribute("data-mode")).isEqualTo("zoom");
        assertThat(width(img)).isEqualTo(Math.round(RealImages.WIDTH * fitted * 1.25));

        front.findElement(By.cssSelector("button[data-act=rotate]")).click();
        assertThat(img.getDomAttribute("data-rotate")).isEqualTo("90");
        assertThat(alice.session().script("return arguments[0].style.transform", img)).isEqualTo("rotate(90deg)");

        front.findElement(By.cssSelector("button[data-act=full]")).click();
        assertThat(width(img)).isEqualTo(RealImages.WIDTH);

        front.findElement(By.cssSelector("button[data-act=fit]")).click();
        front.findElement(By.cssSelector("button[data-act=rotate]")).click();
        front.findElement(By.cssSelector("button[data-act=rotate]")).click();
        front.findElement(By.cssSelector("button[data-act=rotate]")).click();
        assertThat(img.getDomAttribute("data-rotate")).isEqualTo("0");
        assertThat(width(img)).isLessThanOrEqualTo(stageWidth);
    }

    @Test
    void frontAndBackStandSideBySideNextToTheEnteredData() {
        String customerId = ReviewCases.waitingWithRealImages(running.api());
        alice.session().openCase(customerId);

        List<WebElement> panes = alice.session().browser.findElements(By.cssSelector("figure.pane"));
        assertThat(panes).extracting(p -> p.getDomAttribute("data-view")).containsExactly("front", "back");
        assertThat(panes.get(0).getLocation().getY()).isEqualTo(panes.get(1).getLocation().getY());
        assertThat(panes.get(0).getLocation().getX()).isLessThan(panes.get(1).getLocation().getX());
        WebElement entered = alice.session().browser.findElement(By.cssSelector("aside.entered"));
        assertThat(entered.getLocation().getX()).isGreaterThan(panes.get(1).getLocation().getX());
        assertThat(entered.getText()).contains("Jane WaitReview");
        String masked = entered.findElement(By.cssSelector("dd[data-key='identificationDocuments[0].value']")).getText();
        assertThat(masked).startsWith("•");

        alice.session().browser.findElement(By.id("reveal")).click();
        alice.session().wait.until(d -> !d.findElements(By.cssSelector(".revealed")).isEmpty());
        String revealed = alice.session().text("aside.entered dd[data-key='identificationDocuments[0].value']");
        assertThat(revealed).doesNotContain("•").endsWith(masked.substring(masked.length() - 4));
    }

    private static long width(WebElement img) {
        return number("return arguments[0].getBoundingClientRect().width === 0 ? 0 : parseInt(arguments[0].style.width, 10)", img);
    }

    private static long number(String js, Object... args) {
        return ((Number) alice.session().script(js, args)).longValue();
    }
}
