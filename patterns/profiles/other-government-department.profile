# Sharing profile (format: docs/profiles.md). Checked by `redact profiles check`.

id = other-government-department
version = 2026.11.1
label = Other government department or agency
recipients = other-government-department
legal_basis = Offender Management Act 2007 s.14 (government departments are List B); memorandum of understanding between departments
section14 = B
agreement = 1
signatory = siro
offence_pack = false

# Categories (taxonomy ids) redacted, with the justification code recorded for each.
redact = nhs_number medical
redact = pnc_id criminal-record
redact = cro_number criminal-record
redact = prison_number criminal-record
redact = crn criminal-record
redact = passport_number identity-document
redact = driving_licence identity-document
redact = vehicle_registration privacy
redact = sort_code financial
redact = bank_account financial
redact = payment_card financial
redact = iban financial
redact = phone_number contact-details
redact = email_address contact-details
redact = postcode contact-details
redact = ip_address privacy
redact = person_name third-party-data
redact = address contact-details
redact = special_category special-category
redact = offence_information criminal-record

# Categories left in the copy, with the decision recorded for each.
keep = nino required-for-case
keep = date_of_birth required-for-case

# Names from the --names list, by the party's role (a name without a role follows person_name).
redact_role = victim third-party-data
redact_role = witness third-party-data
keep_role = defendant required-for-case
redact_role = officer privacy
redact_role = professional third-party-data
