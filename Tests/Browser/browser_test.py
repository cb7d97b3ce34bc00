#!/usr/bin/env python3
"""The web app in a real browser: headless Chromium driven by Selenium 4.

    browser_test.py URL OUTDIR

URL is the running crm-roi-serve (http://127.0.0.1:PORT/), OUTDIR the folder for the screenshots
(NN-name.png, one per page seen). The database needs metrics, a history and a go-live at least two
ended months ago, with a month after its last logged one not logged yet (Tests/Browser/run writes
one). Steps: the dashboard's figures; log a month; add an expense; edit it; import a CSV through
preview and confirm; the dashboard again, changed; every other page.

BROWSER_ALLOW_MISSING=1 tolerates the pages not built yet (editing an expense, /import, /metrics,
/export): a 404 there skips the step instead of failing. No step needs JavaScript: the app serves
none.
"""

import os
import re
import signal
import sys
import tempfile
import traceback
import urllib.error
import urllib.request
from decimal import Decimal

from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, TimeoutException, WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

# How long a step waits for the page its click caused, and for the element it reads there.
NAVIGATION_TIMEOUT = 10

ALLOW_MISSING = os.environ.get("BROWSER_ALLOW_MISSING") == "1"


class Missing(Exception):
    """A page not built yet, tolerated under BROWSER_ALLOW_MISSING=1."""


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def digits(text):
    """`2,750.00` → `275000`: amounts compared whatever their grouping and symbol."""
    return re.sub(r"[^0-9]", "", text)


def month_after(month, count=1):
    year, number = int(month[:4]), int(month[5:7])
    index = year * 12 + number - 1 + count
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


class BrowserTest:
    def __init__(self, url, out):
        self.url = url.rstrip("/")
        self.out = out
        self.shots = 0
        self.skipped = []
        options = Options()
        options.binary_location = "/usr/bin/chromium"
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,2000", "--lang=en-US"):
            options.add_argument(argument)
        self.driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
        self.driver.set_window_size(1200, 2000)
        self.driver.set_page_load_timeout(30)

    # Helpers

    def status(self, path):
        """The HTTP status of a GET, read apart from the browser (which does not tell it)."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=30) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    def open(self, path, missing_ok=False):
        """Opens `path`, after checking its status: 200, or 404 for a page not built yet."""
        code = self.status(path)
        if code == 404 and missing_ok and ALLOW_MISSING:
            self.driver.get(self.url + path)
            raise Missing(f"{path} answers 404")
        check(code == 200, f"GET {path}: status {code}, expected 200")
        self.driver.get(self.url + path)
        self.no_error_page(path)

    def no_error_page(self, where):
        problems = [element.text for element in self.driver.find_elements(By.CSS_SELECTOR, ".problem, .error")]
        check(not problems, f"{where}: the page shows a problem: {problems}")

    def shot(self, name):
        self.shots += 1
        path = os.path.join(self.out, f"{self.shots:02d}-{name}.png")
        check(self.driver.save_screenshot(path), f"the screenshot {path} was not written")
        print(f"  screenshot {os.path.basename(path)}")

    def find(self, selector, within=None):
        try:
            return (within or self.driver).find_element(By.CSS_SELECTOR, selector)
        except NoSuchElementException:
            raise Failure(f"{self.driver.current_url}: no element {selector}") from None

    def type_into(self, selector, text):
        field = self.find(selector)
        field.clear()
        field.send_keys(text)
        return field

    def type_date(self, selector, iso):
        """An empty `type=date` field: typed as Chromium's en-US control takes it (MM DD YYYY)."""
        field = self.find(selector)
        year, month, day = iso.split("-")
        # Focused by send_keys, the control starts at its first segment (a click would land on
        # another); the en-US order is month, day, year.
        field.send_keys(month + day + year)
        if field.get_attribute("value") == iso:
            return
        # Chromium took no typed form: the value set as a last resort (WebDriver's own script,
        # which the page's no-script policy does not govern).
        print(f"  {selector}: typing gave {field.get_attribute('value')!r}; set by WebDriver instead")
        self.driver.execute_script("arguments[0].value = arguments[1]", field, iso)
        check(field.get_attribute("value") == iso, f"{selector}: the date {iso} could not be entered")

    def choose(self, selector, value):
        """Selects the option of `selector` whose value attribute is `value`."""
        select = Select(self.find(selector))
        try:
            select.select_by_value(value)
        except NoSuchElementException:
            values = [option.get_attribute("value") for option in select.options]
            raise Failure(f"{self.driver.current_url}: {selector} has no option value={value!r} (has {values})") from None
        return select

    def navigate(self, action, reads, what):
        """Runs `action` (a click that submits a form or follows a link) and returns once the
        browser has left the old page and the new one shows `reads` (a CSS selector).

        A click returns before the page it causes has loaded (chromium 156 and later), so a read
        right after it may see the old page. The old `<html>` element goes stale when the new
        document replaces it; then the new document must have finished loading and hold the
        element the step reads. A timeout fails with the URL, the selector and (through `run`)
        a screenshot."""
        old = self.driver.find_element(By.TAG_NAME, "html")
        action()
        # Errors that chromium answers while a document replaces another: asked again until the
        # timeout, which then fails with the URL and the selector.
        wait = WebDriverWait(self.driver, NAVIGATION_TIMEOUT, ignored_exceptions=(WebDriverException,))
        try:
            wait.until(lambda driver: BrowserTest.gone(old))
        except TimeoutException:
            raise Failure(f"{what}: still at {self.driver.current_url} after {NAVIGATION_TIMEOUT} s (the page did not change)") from None
        try:
            wait.until(lambda driver: driver.execute_script("return document.readyState") == "complete")
            wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, reads)))
        except TimeoutException:
            raise Failure(f"{what}: at {self.driver.current_url}, no element {reads} after {NAVIGATION_TIMEOUT} s") from None

    @staticmethod
    def gone(element):
        """Whether `element` belongs to a document that has been replaced. Selenium's staleness_of
        knows only StaleElementReferenceException; chromium 156 may answer "Node with given id does
        not belong to the document" instead, which means the same."""
        try:
            element.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            if "does not belong to the document" in str(error):
                return True
            raise

    def submit(self, selector, reads):
        """Clicks the button `selector` and waits for the page it leads to, holding `reads`."""
        self.navigate(lambda: self.find(selector).click(), reads, f"after {selector}")

    def notice(self, where):
        notices = self.driver.find_elements(By.CSS_SELECTOR, ".notice")
        check(notices and notices[0].text.strip(), f"{where}: no .notice after the change ({self.driver.current_url})")
        return notices[0].text.strip()

    def expense_row(self, note):
        """The row of table#expenses whose note is `note`, as its cells' texts and the row."""
        for row in self.driver.find_elements(By.CSS_SELECTOR, "table#expenses tbody tr"):
            cells = [cell.text.strip() for cell in row.find_elements(By.TAG_NAME, "td")]
            if note in cells:
                return cells, row
        return None, None

    def dashboard_figures(self):
        tco = self.find("#tco")
        value = tco.get_attribute("data-value")
        check(value, "#tco has no data-value")
        return Decimal(value), self.find("table#quarters").text

    # Steps

    def step_dashboard(self):
        self.open("/")
        self.tco_before, self.quarters_before = self.dashboard_figures()
        check(self.tco_before > 0, f"the dashboard's TCO is {self.tco_before}, expected the stored expenses")
        self.find("#verdict")
        print(f"  TCO {self.tco_before}")
        self.shot("dashboard")

    def step_month(self):
        self.open("/months")
        self.shot("months")
        # The grid runs from the current month (the top row) back; the months not logged since the
        # latest one that is are links on one row (class gap). The month to log is the first one
        # after the last logged month, which has ended.
        rows = self.driver.find_elements(By.CSS_SELECTOR, "table#months tbody tr")
        check(rows, "/months: no table#months rows")
        months = []
        for row in rows:
            if "gap" in (row.get_attribute("class") or ""):
                for link in row.find_elements(By.CSS_SELECTOR, "td a"):
                    months.append((link.get_attribute("href").rstrip("/").rsplit("/", 1)[-1], False))
                continue
            link = self.find("td a", row)
            month = link.get_attribute("href").rstrip("/").rsplit("/", 1)[-1]
            logged = any(cell.text.strip() not in ("", "–") for cell in row.find_elements(By.TAG_NAME, "td")[1:])
            months.append((month, logged))
        current = months[0][0]
        last_logged = max(month for month, logged in months if logged)
        self.month = month_after(last_logged)
        check(self.month < current, f"no ended month after the last logged one ({last_logged}); current {current}")
        check(not dict(months).get(self.month, True), f"{self.month} is logged already")

        self.open(f"/months/{self.month}")
        amounts = {"revenue": "125000", "cost": "1850.50", "count": "150", "kpi": "93.40"}
        self.typed = {}
        index = 0
        while True:
            fields = self.driver.find_elements(By.ID, f"value-{index}")
            if not fields:
                break
            label = self.find(f"label[for='value-{index}']").text.strip()
            name = label.split()[0]
            kind = re.search(r"\((\w+)\)", label)
            if fields[0].is_enabled():
                value = amounts.get(kind.group(1) if kind else "", "100")
                self.type_into(f"#value-{index}", value)
                self.typed[index] = (name, value)
            index += 1
        check(self.typed, f"/months/{self.month}: no metric inputs value-N")
        self.shot("month-form")
        self.submit("#save", ".notice")
        check(f"/months/{self.month}" in self.driver.current_url, f"after #save: at {self.driver.current_url}")
        self.notice(f"/months/{self.month}")
        self.no_error_page(f"/months/{self.month} saved")
        for index, (name, value) in self.typed.items():
            stored = self.find(f"#value-{index}").get_attribute("value")
            check(Decimal(stored) == Decimal(value), f"{name} for {self.month}: shows {stored!r}, typed {value}")
        print(f"  logged {self.month}: " + ", ".join(f"{name}={value}" for name, value in self.typed.values()))
        self.shot("month-saved")
        self.open("/months")
        row = self.find(f"table#months a[href='/months/{self.month}']").find_element(By.XPATH, "./ancestor::tr")
        cells = [cell.text.strip() for cell in row.find_elements(By.TAG_NAME, "td")[1:]]
        check(all(cell not in ("", "–") for cell in cells), f"/months: the row of {self.month} shows {cells}")

    def step_add_expense(self):
        self.open("/expenses")
        tco_text = self.find("#tco").text
        self.note = "Browser test consultant"
        self.expense_date = f"{self.month}-15"
        self.type_date("#date", self.expense_date)
        self.choose("#category", "service")
        self.type_into("#amount", "2500.00")
        self.type_into("#note", self.note)
        self.choose("#every", "")
        self.shot("expense-form")
        self.submit("#add", ".notice")
        check("done=added" in self.driver.current_url, f"after #add: at {self.driver.current_url}")
        self.notice("/expenses add")
        self.no_error_page("/expenses added")
        cells, _ = self.expense_row(self.note)
        check(cells, f"table#expenses has no row with the note {self.note!r}")
        check(self.expense_date in cells, f"the new row {cells} lacks the date {self.expense_date}")
        check(digits(cells[3]) == "250000", f"the new row's amount is {cells[3]!r}, expected 2,500.00")
        check(self.find("#tco").text != tco_text, f"#tco still {tco_text} after adding 2,500.00")
        self.expense_id = cells[0]
        self.added = Decimal("2500.00")
        print(f"  added expense {self.expense_id}: {cells}")
        self.shot("expense-added")

    def step_edit_expense(self):
        self.open("/expenses")
        _, row = self.expense_row(self.note)
        links = row.find_elements(By.CSS_SELECTOR, "a.edit")
        if not links and ALLOW_MISSING:
            raise Missing("table#expenses rows have no a.edit link")
        check(links, "the expense's row has no a.edit link")
        href = links[0].get_attribute("href")
        check(href.endswith(f"/expenses/{self.expense_id}/edit"), f"a.edit goes to {href}")
        self.navigate(links[0].click, "form #save", f"after the a.edit link to {href}")
        self.no_error_page(href)
        check(self.find("#date").get_attribute("value") == self.expense_date, "the edit form's #date is not prefilled")
        check(digits(self.find("#amount").get_attribute("value")) == "250000", "the edit form's #amount is not prefilled")
        check(self.find("#note").get_attribute("value") == self.note, "the edit form's #note is not prefilled")
        check(Select(self.find("#category")).first_selected_option.get_attribute("value") == "service", "the edit form's #category is not prefilled")
        self.shot("expense-edit")
        self.type_into("#amount", "2750.00")
        self.submit("#save", ".notice")
        check("done=edited" in self.driver.current_url, f"after the edit's #save: at {self.driver.current_url}")
        self.notice("/expenses edit")
        cells, _ = self.expense_row(self.note)
        check(cells, "the edited expense's row is gone")
        check(cells[0] == self.expense_id, f"the edited expense has id {cells[0]}, was {self.expense_id}")
        check(digits(cells[3]) == "275000", f"the edited row's amount is {cells[3]!r}, expected 2,750.00")
        self.added = Decimal("2750.00")
        print(f"  edited expense {self.expense_id}: {cells}")
        self.shot("expense-edited")

    def upload(self, text, name):
        path = os.path.join(self.work, name)
        with open(path, "w", encoding="utf-8") as file:
            file.write(text)
        self.open("/import", missing_ok=True)
        self.find("form#import-form")
        self.choose("#kind", "expenses")
        self.find("#file").send_keys(path)
        return path

    def step_import(self):
        self.imported_note = "Browser test seats"
        date = f"{month_after(self.month)}-01"
        # A bad file first: its problems listed, nothing offered as fine.
        self.upload(f"date,category,amount,note\n{date},lunch,12.00,Bad\n", "bad.csv")
        self.shot("import")
        self.submit("#preview", "#problems")
        problems = self.driver.find_elements(By.CSS_SELECTOR, "#problems li") or self.driver.find_elements(By.CSS_SELECTOR, "#problems")
        check(problems and "lunch" in " ".join(problem.text for problem in problems), "a bad category's preview lists no #problems naming it")
        self.shot("import-problems")
        # Then a good one, through the preview and the confirmation.
        self.upload(f"date,category,amount,note\n{date},license,1200.00,{self.imported_note}\n", "expenses.csv")
        self.submit("#preview", "#preview-summary")
        self.no_error_page("/import preview")
        summary = self.find("#preview-summary").text
        check(re.search(r"\b1\b[^0-9]*\badded\b", summary, re.I), f"#preview-summary says {summary!r}, expected 1 added")
        check(not self.driver.find_elements(By.CSS_SELECTOR, "#problems li"), "a good file's preview lists #problems")
        print(f"  preview: {summary}")
        self.shot("import-preview")
        self.submit("#confirm", ".notice")
        check("/import" in self.driver.current_url and "done=imported" in self.driver.current_url, f"after #confirm: at {self.driver.current_url}")
        self.notice("/import confirm")
        self.shot("import-done")
        self.open("/expenses")
        cells, _ = self.expense_row(self.imported_note)
        check(cells, f"table#expenses has no imported row {self.imported_note!r}")
        check(date in cells and digits(cells[3]) == "120000", f"the imported row is {cells}")
        self.imported = Decimal("1200.00")
        self.shot("expenses-after-import")

    def step_dashboard_changed(self):
        self.open("/")
        tco, quarters = self.dashboard_figures()
        expected = self.tco_before + self.added + self.imported
        print(f"  TCO {self.tco_before} → {tco}")
        check(tco == expected, f"the dashboard's TCO is {tco}, expected {self.tco_before} + {self.added} + {self.imported} = {expected}")
        check(quarters != self.quarters_before, f"table#quarters is the same after logging {self.month}")
        self.shot("dashboard-after")

    def step_pages(self):
        for path, missing_ok in (("/settings", False), ("/history", False), ("/check", False), ("/metrics", True), ("/export", True)):
            name = path.strip("/")
            try:
                self.open(path, missing_ok=missing_ok)
            except Missing as missing:
                self.shot(name + "-missing")
                self.skip(name, missing)
                continue
            check(self.find("h1").text.strip(), f"{path}: no title")
            if path == "/history":
                text = self.find("table#history").text
                check(self.month in text or "log" in text, f"/history does not show the month logged ({self.month})")
            if path == "/settings":
                self.find("table#settings")
            self.shot(name)

    # Part 15: every page at 1280 and 390 px, in both languages.
    LAYOUT_PAGES = ("/", "/months", "/expenses", "/metrics", "/import", "/export", "/settings", "/history", "/check")
    LAYOUT_CHECK = """
        const root = document.documentElement;
        const problems = [];
        if (root.scrollWidth > root.clientWidth + 1) problems.push(`the page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
        for (const svg of document.querySelectorAll('svg.chart')) {
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          for (const text of svg.querySelectorAll('text')) {
            const size = parseFloat(getComputedStyle(text).fontSize) * scale;
            if (size < 10) { problems.push(`chart text of ${size.toFixed(1)} px: ${text.textContent}`); break; }
          }
        }
        for (const id of arguments[0]) {
          const element = document.getElementById(id);
          if (!element) { problems.push(`no #${id}`); continue; }
          const box = element.getBoundingClientRect();
          if (box.left < 0 || box.right > root.clientWidth + 1) problems.push(`#${id} outside the viewport: ${box.left}..${box.right}`);
        }
        return problems;
    """

    def layout(self, driver, label, language):
        for path in self.LAYOUT_PAGES:
            driver.get(f"{self.url}/language/{language}?next={path}")
            WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
            check(driver.execute_script("return document.documentElement.lang") == language, f"{label} {path}: not in {language}")
            required = ["verdict", "tei-roi", "tei-payback", "tei-irr"] if path == "/" else []
            problems = driver.execute_script(self.LAYOUT_CHECK, required)
            check(not problems, f"{label} {language} {path}: {problems}")
        driver.get(f"{self.url}/language/{language}?next=/")
        path = os.path.join(self.out, f"{self.shots + 1:02d}-layout-{label}-{language}.png")
        self.shots += 1
        check(driver.save_screenshot(path), f"the screenshot {path} was not written")
        print(f"  screenshot {os.path.basename(path)}")

    def step_layouts(self):
        self.driver.set_window_size(1280, 2000)
        for language in ("en", "fr"):
            self.layout(self.driver, "1280", language)
        options = Options()
        options.binary_location = "/usr/bin/chromium"
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage"):
            options.add_argument(argument)
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 1}})
        phone = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
        try:
            for language in ("en", "fr"):
                self.layout(phone, "390", language)
        finally:
            phone.quit()
        # Back to English for whatever follows.
        self.driver.get(f"{self.url}/language/en?next=/")
        self.driver.set_window_size(1200, 2000)

    def skip(self, step, why):
        self.skipped.append(step)
        print(f"  SKIPPED {step} ({why}; BROWSER_ALLOW_MISSING=1)")

    def run(self):
        self.added = self.imported = Decimal(0)
        steps = [
            ("dashboard", self.step_dashboard),
            ("month", self.step_month),
            ("add-expense", self.step_add_expense),
            ("edit-expense", self.step_edit_expense),
            ("import", self.step_import),
            ("dashboard-changed", self.step_dashboard_changed),
            ("pages", self.step_pages),
            ("layouts", self.step_layouts),
        ]
        with tempfile.TemporaryDirectory() as self.work:
            for name, step in steps:
                print(f"{name}:", flush=True)
                try:
                    step()
                except Missing as missing:
                    self.shot(name + "-missing")
                    self.skip(name, missing)
                except Exception:
                    try:
                        self.shot(name + "-FAILED")
                    except Exception:
                        pass
                    raise
        print(f"{self.shots} screenshots in {self.out}" + (f"; skipped: {', '.join(self.skipped)}" if self.skipped else ""))


def main():
    if len(sys.argv) != 3:
        print("usage: browser_test.py URL OUTDIR", file=sys.stderr)
        return 64
    url, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    # A TERM (Tests/Browser/run stopped) ends the test through `finally`, which quits the browser.
    signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(128 + number))
    test = BrowserTest(url, out)
    try:
        test.run()
    except Failure as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        return 1
    except Exception:
        traceback.print_exc()
        return 1
    finally:
        test.driver.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
