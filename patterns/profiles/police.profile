# Sharing profile (format: docs/profiles.md). Checked by `redact profiles check`.
# The police supplied most of the case material: names, addresses and identifiers they hold are
# kept as already known; medical, special category, financial and identity-document data are redacted.

id = police
version = 2026.11.1
label = Police force
recipients = police
legal_basis = Offender Management Act 2007 s.14 (chief officers of police are List B); DPA 2018 Part 3
section14 = B
agreement = 1
signatory = siro
offence_pack = false

# Categories (taxonomy ids) redacted, with the justification code recorded for each.
redact = nino identity-document
redact = nhs_number medical
redact = passport_number identity-document
redact = driving_licence identity-document
redact = sort_code financial
redact = bank_account financial
redact = payment_card financial
redact = iban financial
redact = ip_address privacy
redact = special_category special-category
redact = offence_information criminal-record

# Categories left in the copy, with the decision recorded for each.
keep = pnc_id already-known-to-recipient
keep = cro_number already-known-to-recipient
keep = prison_number already-known-to-recipient
keep = crn already-known-to-recipient
keep = vehicle_registration already-known-to-recipient
keep = phone_number already-known-to-recipient
keep = email_address already-known-to-recipient
keep = postcode already-known-to-recipient
keep = date_of_birth already-known-to-recipient
keep = person_name already-known-to-recipient
keep = address already-known-to-recipient

# Names from the --names list, by the party's role (a name without a role follows person_name).
keep_role = victim already-known-to-recipient
keep_role = witness already-known-to-recipient
keep_role = defendant already-known-to-recipient
keep_role = officer already-known-to-recipient
keep_role = professional already-known-to-recipient
