"""The browser half of scripts/browser-check.sh: drives headless Chromium through the review
screen and the dashboard. Each check raises on failure; screenshots go to $SHOTS."""
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE = os.environ["BASE"]
SHOTS = os.environ["SHOTS"]
os.makedirs(SHOTS, exist_ok=True)


def check(cond, what):
    if not cond:
        raise SystemExit(f"browser-check: FAIL: {what}")
    print(f"browser-check: ok: {what}")


def driver():
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=en-GB"):
        opts.add_argument(a)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)


def shot(d, name):
    path = os.path.join(SHOTS, name)
    d.save_screenshot(path)
    print(f"browser-check: screenshot {path}")


def sign_in(d, token):
    d.get(BASE + "/signin")
    d.find_element(By.ID, "f-token").send_keys(token)
    d.find_element(By.CSS_SELECTOR, "form[action='/signin'] button[type=submit]").click()
    WebDriverWait(d, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "form.signout")))


def select_text(d, needle_from, needle_to):
    """Selects from the start of needle_from to the end of needle_to inside #doc, as a user's
    drag would (the Selection API, which fires selectionchange for the page's script)."""
    return d.execute_script("""
        const [from, to] = arguments;
        const doc = document.getElementById('doc');
        const walker = document.createTreeWalker(doc, NodeFilter.SHOW_TEXT);
        let start = null, end = null, n;
        while ((n = walker.nextNode())) {
            const i = n.data.indexOf(from);
            if (start === null && i >= 0) start = [n, i];
            const j = n.data.indexOf(to);
            if (start !== null && j >= 0) { end = [n, j + to.length]; break; }
        }
        if (!start || !end) return 'not found';
        const r = document.createRange();
        r.setStart(start[0], start[1]);
        r.setEnd(end[0], end[1]);
        const s = window.getSelection();
        s.removeAllRanges();
        s.addRange(r);
        doc.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
        return s.toString();
    """, needle_from, needle_to)


def fetch_text(d, path):
    return d.execute_async_script("""
        const done = arguments[arguments.length - 1];
        fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text().then(t => done([r.status, t])));
    """, path)


def main():
    d = driver()
    try:
        # Unauthenticated: the review screen sends us to sign in (or says 401).
        d.get(BASE + "/review")
        check("Sign in" in d.page_source, "an unauthenticated visit asks to sign in")

        sign_in(d, os.environ["OPERATOR_TOKEN"])
        shot(d, "01-signed-in.png")

        d.get(BASE + "/review")
        d.find_element(By.ID, "f-file").send_keys(os.environ["DOCUMENT"])
        d.find_element(By.ID, "f-case").send_keys("01YE1234524")
        Select(d.find_element(By.ID, "f-recipient")).select_by_value("defence")
        d.find_element(By.ID, "f-parties").send_keys("Zoë Ünal (witness)")
        shot(d, "02-upload.png")
        d.find_element(By.CSS_SELECTOR, "form[action='/review'] button[type=submit]").click()
        WebDriverWait(d, 20).until(EC.presence_of_element_located((By.ID, "doc")))
        marks = d.find_elements(By.CSS_SELECTOR, "#doc mark.f")
        labels = [m.get_attribute("data-label") for m in marks]
        check(len(marks) >= 3, f"findings are highlighted ({len(marks)}: {', '.join(labels)})")
        check(any("NHS number" in l for l in labels), "the NHS number is highlighted and labelled in words")
        nhs = next(m for m in marks if "NHS number" in m.get_attribute("data-label"))
        check(nhs.text == "943 476 5919", "the highlight covers exactly the NHS number")
        label_shown = d.execute_script("return getComputedStyle(arguments[0], '::before').content", nhs)
        check("NHS number" in label_shown, "the category label is drawn beside the colour")
        shot(d, "03-review.png")

        # A manual redaction across multi-byte characters (ł, ę, ż) after the accented "Café".
        selected = select_text(d, "Łukasz", "Brzęczyszczykiewicz")
        check(selected == "Łukasz Brzęczyszczykiewicz", f"selected {selected!r}")
        status = d.find_element(By.ID, "sel-status").text
        check("Selected 26 characters" in status, f"the page reports the selection ({status})")
        Select(d.find_element(By.ID, "f-category")).select_by_value("person_name")
        d.find_element(By.ID, "sel-button").click()
        WebDriverWait(d, 10).until(EC.presence_of_element_located((By.ID, "doc")))
        manual = [m for m in d.find_elements(By.CSS_SELECTOR, "#doc mark.f") if m.text == "Łukasz Brzęczyszczykiewicz"]
        check(len(manual) == 1, "the manual redaction is highlighted over exactly the selected name")

        # Keyboard: Tab from the top reaches the skip link first, and it is visible when focused.
        d.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        focused = d.switch_to.active_element
        check(focused.text == "Skip to main content", "the first Tab stop is the skip link")
        shot(d, "04-manual-and-skip-link.png")

        # Reject the phone number (a keep needs a reason; a reject is one button).
        phone = [m for m in d.find_elements(By.CSS_SELECTOR, "#doc mark.f") if "07700" in m.text]
        if phone:
            item = phone[0].get_attribute("id").split("-")[1]
            d.find_element(By.CSS_SELECTOR, f"#item-{item} button[value=reject]").click()
            WebDriverWait(d, 10).until(EC.presence_of_element_located((By.ID, "doc")))

        d.find_element(By.CSS_SELECTOR, "section.finish button[type=submit]").click()
        WebDriverWait(d, 20).until(EC.presence_of_element_located((By.CSS_SELECTOR, "ul.downloads")))
        shot(d, "05-finished.png")
        href = d.find_element(By.CSS_SELECTOR, "ul.downloads a").get_attribute("href")
        status_code, text = fetch_text(d, href)
        check(status_code == 200, "the redacted copy downloads")
        print("browser-check: redacted copy:\n" + text)
        check("[NHS NUMBER]" in text and "943 476 5919" not in text, "the NHS number is redacted in the download")
        check("[PERSON NAME]" in text and "Łukasz" not in text and "Brzęczyszczykiewicz" not in text,
              "the manual selection is redacted in the download")
        check("Café owner [PERSON NAME] saw the car." in text, "the bytes around the selection are exact")
        check("Zoë" not in text, "the party's name is redacted")
        check("07700 900123" in text, "the rejected phone number is left as it was")
        code, manifest = fetch_text(d, href.replace("/redacted", "/manifest"))
        check(code == 200 and '"rule" : "manual"' in manifest, "the manifest lists the manual redaction")
        code, schedule = fetch_text(d, href.replace("/redacted", "/schedule"))
        check(code == 200 and schedule.startswith("item,line,column"), "the schedule downloads")

        # High contrast: the same screen with forced colours emulated.
        d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "forced-colors", "value": "active"}]})
        shot(d, "06-finished-forced-colors.png")
        d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})

        # An operator has no dashboard (breach figures are for managers and national users).
        d.get(BASE + "/dashboard")
        check("Not allowed" in d.page_source or "Error 403" in d.page_source, "an operator gets 403 on the dashboard")

        d.delete_all_cookies()
        sign_in(d, os.environ["MANAGER_TOKEN"])
        d.get(BASE + "/dashboard")
        WebDriverWait(d, 20).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".pack-frame")))
        check("Summary" in d.page_source, "the area manager sees the area pack")
        shot(d, "07-dashboard.png")
        d.get(BASE + "/dashboard?area=cps-london-north")
        check("Error 403" in d.page_source, "an area manager gets 403 for another area")
    finally:
        d.quit()


if __name__ == "__main__":
    main()
