# A generated API page of realistic size and shape, for benches/sdk-scale.sh.
#
#   awk -v format=html|pipe -v kind=status|error -v rows=N -v service=ECS -f document.awk
#
# html: the table is HTML inside a bullet-list item, marked up like the seed
# (tables/evs_04_0039.md: ids, classes, <p> and <a name> in every cell, about
# 700 bytes per two-column row); pipe: a GitHub pipe table. status: columns
# `Status Code | Description`, codes 100, 104, 108, ... (distinct three-digit
# numbers); error: `HTTP Status Code | Error Code | Error Message |
# Description`, codes SERVICE.0001, SERVICE.0002, ...  Deterministic: the same
# arguments give the same bytes.
function phrase(i) { return phrases[i % nphrases] " " objects[int(i / nphrases) % nobjects] }
function status_of(i) { return statuses[i % nstatuses] }
function message(i) {
    return messages[i % nmessages] " " tolower(objects[int(i / nmessages) % nobjects]) " " (i + 1) "!"
}
function description(i) {
    return "The " tolower(objects[int(i / nmessages) % nobjects]) " " details[i % nmessages] \
        " Check the request and try again (" service "." sprintf("%04d", i + 1) ")."
}
function cell_html(id, width, header, text) {
    return "<td class=\"cellrowborder\" valign=\"top\" width=\"" width "\" headers=\"" header " \"><p id=\"p" id "\"><a name=\"p" id "\"></a><a name=\"p" id "\"></a>" text "</p>\n    </td>"
}
function th_html(id, width, header, text) {
    return "<th class=\"cellrowborder\" valign=\"top\" width=\"" width "\" id=\"" header "\"><p id=\"p" id "\"><a name=\"p" id "\"></a><a name=\"p" id "\"></a>" text "</p>\n    </th>"
}
BEGIN {
    nphrases = split("Accepted Conflict Created Denied Expired Failed Forbidden Gone Invalid Locked Missing Moved Pending Rejected Removed Suspended Throttled Timeout Unavailable Unsupported", phrases, " ")
    for (i = 0; i < nphrases; i++) phrases[i] = phrases[i + 1]
    nobjects = split("Volume Snapshot Backup Image Network Subnet Port Router Instance Cluster Bucket Policy", objects, " ")
    for (i = 0; i < nobjects; i++) objects[i] = objects[i + 1]
    nstatuses = split("400 400 400 401 403 404 404 409 429 500 503", statuses, " ")
    for (i = 0; i < nstatuses; i++) statuses[i] = statuses[i + 1]
    nmessages = split("invalid|null|unknown|duplicate|quota exceeded for|cannot delete|cannot update|missing|malformed|locked", messages, "|")
    split("ID in the URI is incorrect.|in the request body is empty.|does not exist in this project.|already exists with the same name.|quota of the project is used up.|is in use and cannot be deleted.|is in a state that does not allow the update.|parameter is missing from the request.|parameter is not in the expected format.|is locked by another operation.", details, "|")
    for (i = 0; i < nmessages; i++) { messages[i] = messages[i + 1]; details[i] = details[i + 1] }

    title = (kind == "status") ? "Status Codes" : "Error Codes"
    printf "# %s<a name=\"%s_%s\"></a>\n\n", title, tolower(service), (kind == "status") ? "04_0039" : "04_0038"
    if (kind == "status")
        print "The following table lists the status codes the " service " API returns. A status code is sent with every response; see the error codes page for the error code in the body of a failed request.\n"
    else
        print "If an error occurs in API calling, no result is returned. Identify the cause of the error based on the error codes of each API. If an error occurs, HTTP status code 4xx or 5xx is returned. The response body contains the specific error code and information.\n\n```\n{\n  \"error_code\": \"" service ".0001\",\n  \"error_msg\": \"invalid tenant id!\"\n}\n```\n"

    if (format == "html") {
        print "-   " title "\n"
        print "    <a name=\"table" (rows * 7919) "\"></a>"
        if (kind == "status") {
            widths[1] = "29.09%"; widths[2] = "70.91%"
            heads[1] = "Status Code"; heads[2] = "Description"; ncols = 2
        } else {
            widths[1] = "11.35%"; widths[2] = "16.31%"; widths[3] = "24.24%"; widths[4] = "48.10%"
            heads[1] = "HTTP Status Code"; heads[2] = "Error Code"; heads[3] = "Error Message"; heads[4] = "Description"; ncols = 4
        }
        line = "    <table><thead align=\"left\"><tr id=\"row" (rows * 31) "\">"
        for (c = 1; c <= ncols; c++)
            line = line (c > 1 ? "\n    " : "") th_html(rows * 100 + c, widths[c], "mcps1.1." ncols + 1 ".1." c, heads[c])
        print line "\n    </tr>\n    </thead>"
        for (i = 0; i < rows; i++) {
            line = (i == 0 ? "    <tbody>" : "    ") "<tr id=\"row" (100000 + i * 7) "\">"
            if (kind == "status") {
                cells[1] = 100 + 4 * i; cells[2] = phrase(i)
            } else {
                cells[1] = status_of(i); cells[2] = service "." sprintf("%04d", i + 1)
                cells[3] = message(i); cells[4] = description(i)
            }
            for (c = 1; c <= ncols; c++)
                line = line (c > 1 ? "\n    " : "") cell_html((i + 1) * 1000 + c * 17, widths[c], "mcps1.1." ncols + 1 ".1." c, cells[c])
            print line "\n    </tr>"
        }
        print "    </tbody>\n    </table>"
    } else {
        print "## " title "\n"
        if (kind == "status") {
            print "| Status Code | Description |\n| --- | --- |"
            for (i = 0; i < rows; i++) printf "| %d | %s |\n", 100 + 4 * i, phrase(i)
        } else {
            print "| HTTP Status Code | Error Code | Error Message | Description |\n| --- | --- | --- | --- |"
            for (i = 0; i < rows; i++)
                printf "| %s | %s.%04d | %s | %s |\n", status_of(i), service, i + 1, message(i), description(i)
        }
    }
    print "\n## Related\n\nFor the request format and the common parameters, see the API overview of " service "."
}
