import Testing
@testable import RedactWeb

@Suite struct MarkupTests {
    @Test func interpolatedTextIsEscaped() {
        let name = "<script>alert('x')</script>\"&.txt"
        let m: Markup = "<h1 title=\"\(name)\">\(name)</h1>"
        #expect(m.html == "<h1 title=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;.txt\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;.txt</h1>")
        let outer: Markup = "<main>\(m)</main>"
        #expect(outer.html.hasPrefix("<main><h1"))
    }

    @Test func urlEncodedAndMultipartForms() throws {
        let f = FormData.urlEncoded(Array("a=1+2&b=%3Cx%3E&b=%C3%A9&c".utf8))
        #expect(f["a"] == "1 2" && f.fields["b"] == ["<x>", "é"] && f["c"] == "")
        let body = "--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\ntok\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"mg11.txt\"\r\nContent-Type: text/plain\r\n\r\nZoë\r\n\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"empty\"; filename=\"\"\r\n\r\n\r\n--XyZ--\r\n"
        let m = try FormData.parse(body: Array(body.utf8), contentType: "multipart/form-data; boundary=XyZ")
        #expect(m["csrf"] == "tok")
        #expect(m.files["file"]?.filename == "mg11.txt")
        #expect(m.files["file"]?.bytes == Array("Zoë\r\n".utf8))
        #expect(m.files["empty"] == nil)
    }
}
