<#--
  case.txt.ftl — plain-text body of the email about one case (SPEC §7). Its HTML twin is case.html.ftlh:
  change both together. The subject is not made here (the hub builds it, so no report text can reach a header).

  Data model. Every text value is a string, "-" when absent; a misspelt name stops the email with an error
  naming this file (the hub checks all templates at start-up).
    purpose            "BKPSDM_ACTION" | "VILLAGE_OFFICIAL" | "CENTRAL_AGENCY" | "TRIAGE"
    caseId, registerNumber (Bawaslu's nomor laporan), incidentDate ("14 September 2024")
    channel            "CSV" | "EMAIL";  source: "file.csv:12", the Message-ID (TRIAGE only), or "-"
    subjectType        "ASN" | "PPPK" | "KEPALA_DESA" | "PERANGKAT_DESA";  subjectTypeLabel: "ASN (PNS)", "Kepala Desa" …
    displayName        BKN name with titles when verified, else as reported;  displayNip: NIP or "tanpa NIP"
    reported.{name, nip, position, agency, regionName, regionCode}        — as the report says
    bkn.status         "VERIFIED" | "NOT_FOUND" | "NO_NIP";  bkn.verified (boolean)
    bkn.{name, nip, jabatan, jenisJabatan, eselon, unor, unorInduk, satuanKerja, instansiKerja, instansiInduk,
         kedudukan, golongan, jenisPegawai, lokasiKerja}                  — "-" unless verified
    mismatch.{name, agency, region, any}  (booleans: the report disagrees with BKN)
    classified (boolean);  category.{code, label, legalBasis, needsReview (boolean)}
    severity ("BERAT", "SEDANG", "RINGAN", "BUKAN PELANGGARAN", "BELUM DIKLASIFIKASI"), baseSeverity,
    escalated (boolean), escalationReasons (list of sentences)
    description, place;  evidence: list of {url, web (boolean: an http(s) link)}
    attachments        files of an emailed report: list of {name, size ("1,2 MB"), attached (boolean: false when
                       over hub.mail.max-attachment-bytes, so not in this email)}
    attachmentsLeftOut files of the report after the first hub.mail.max-attachments-per-message, not forwarded:
                       {any (boolean), count (number), size ("1,2 MB", all of them), names (list: the first few
                       short names), unnamed (number: those not in names), max (number: the maximum per message)}
    region.{known (boolean), code, name, fullName, type, government ("Pemerintah Kabupaten …"), personnelOffice ("BKPSDM"/"BKD")}
    reportedRegion     same keys as region: the region the report named
    regionConflict (boolean: report and BKN point at different regions; BKN wins);  regionNotes: list of sentences
    central (boolean: employee of a central agency);  centralAgency: its name
    kanreg.{known (boolean), name, city}
    reporterShown (boolean, true only for TRIAGE);  reporter.{name, contact} — EXISTS ONLY WHEN reporterShown:
    the reporter's identity must never reach the regional office (SPEC §9).
-->
<#switch purpose>
  <#case "BKPSDM_ACTION">
Yth. Kepala ${region.personnelOffice}<#if region.known> ${region.government}</#if>
    <#break>
  <#case "VILLAGE_OFFICIAL">
Yth. Ketua Bawaslu<#if region.known> ${region.fullName}</#if>
    <#break>
  <#case "CENTRAL_AGENCY">
Yth. Tim Penanganan Netralitas ASN Instansi Pusat
    <#break>
  <#case "TRIAGE">
Yth. Tim Triase Bawaslu
    <#break>
  <#default>
    <#stop "purpose tidak dikenal: " + purpose>
</#switch>
di tempat

Dengan hormat,

Bersama ini kami sampaikan laporan dugaan pelanggaran netralitas Aparatur Sipil Negara (ASN)
dalam pemilihan kepala daerah yang diterima Bawaslu, dengan rincian sebagai berikut.

Nomor kasus            : ${caseId}
Nomor laporan Bawaslu  : ${registerNumber}
Tanggal kejadian       : ${incidentDate}
<#if channel == "CSV">
Sumber laporan         : berkas CSV ${source}
<#elseif source != "-">
Sumber laporan         : email (Message-ID ${source})
<#else>
Sumber laporan         : email yang diterima Bawaslu
</#if>

A. TERLAPOR

Jenis terlapor         : ${subjectTypeLabel}

Menurut laporan:
  Nama                 : ${reported.name}
  NIP                  : ${reported.nip}
  Jabatan              : ${reported.position}
  Instansi             : ${reported.agency}
  Wilayah              : ${reported.regionName}<#if reported.regionCode != "-"> (kode ${reported.regionCode})</#if>

Menurut data BKN (SIASN):
<#if bkn.verified>
  Nama dan gelar       : ${bkn.name}
  NIP                  : ${bkn.nip}
  Jabatan              : ${bkn.jabatan} (${bkn.jenisJabatan}<#if bkn.eselon != "-">, eselon ${bkn.eselon}</#if>)
  Unit organisasi      : ${bkn.unor}
  Unit induk           : ${bkn.unorInduk}
  Instansi kerja       : ${bkn.instansiKerja}
  Instansi induk       : ${bkn.instansiInduk}
  Status kedudukan     : ${bkn.kedudukan}
  Golongan/ruang       : ${bkn.golongan}
<#elseif bkn.status == "NOT_FOUND">
  NIP tidak ditemukan di BKN — perlu verifikasi
<#else>
  Laporan tidak mencantumkan NIP — identitas perlu diverifikasi
</#if>
<#if mismatch.any>

PERBEDAAN DATA LAPORAN DAN BKN:
  <#if mismatch.name>
  - Nama pada laporan (${reported.name}) berbeda dengan nama di BKN (${bkn.name}).
  </#if>
  <#if mismatch.agency>
  - Instansi pada laporan (${reported.agency}) berbeda dengan instansi kerja di BKN (${bkn.instansiKerja}).
  </#if>
  <#if mismatch.region>
  - Wilayah pada laporan (${reportedRegion.name}, kode ${reportedRegion.code}) berbeda dengan wilayah
    instansi terlapor menurut BKN (${region.name}, kode ${region.code}). Penanganan mengikuti data BKN.
  </#if>
</#if>
<#if regionNotes?has_content>

Catatan wilayah:
  <#list regionNotes as note>
  - ${note}
  </#list>
</#if>

B. DUGAAN PELANGGARAN

<#if classified>
Kategori               : ${category.label}
Tingkat pelanggaran    : ${severity}<#if escalated> (dinaikkan dari ${baseSeverity})</#if><#if category.needsReview> — perlu ditinjau</#if>
  <#if escalated>
Alasan peningkatan     :
    <#list escalationReasons as reason>
  - ${reason}
    </#list>
  </#if>
  <#if category.needsReview>
Kategori pelanggaran belum dapat dipastikan; tingkat pelanggaran bersifat sementara dan perlu ditinjau.
  </#if>
Dasar hukum            : ${category.legalBasis}
<#else>
Kategori               : belum diklasifikasi — perlu ditinjau
</#if>
Tempat kejadian        : ${place}

Uraian kejadian:
${description}

Bukti:
<#list evidence as item>
  - ${item.url}
<#else>
  (tidak ada tautan bukti)
</#list>
<#if attachments?has_content || attachmentsLeftOut.any>

Berkas dari laporan asli:
<#list attachments as file>
  - ${file.name} (${file.size}) — <#if file.attached>terlampir pada email ini<#else>TIDAK DILAMPIRKAN karena melebihi batas ukuran; berkas asli disimpan Bawaslu dan dapat diminta dengan menyebut nomor kasus ${caseId}</#if>
</#list>
<#if attachmentsLeftOut.any>
  - ${attachmentsLeftOut.count} berkas lain (${attachmentsLeftOut.size}) TIDAK DITERUSKAN karena satu laporan hanya dapat membawa ${attachmentsLeftOut.max} lampiran<#if attachmentsLeftOut.names?has_content>: ${attachmentsLeftOut.names?join(", ")}<#if attachmentsLeftOut.unnamed gt 0> dan ${attachmentsLeftOut.unnamed} lainnya</#if></#if>; email asli disimpan Bawaslu dan berkasnya dapat diminta dengan menyebut nomor kasus ${caseId}
</#if>
</#if>

C. WILAYAH PENANGANAN

<#if central>
Instansi pusat         : ${centralAgency}
<#elseif region.known>
Wilayah                : ${region.name} (kode ${region.code})
<#else>
Wilayah                : belum diketahui
</#if>
<#if kanreg.known>
Kantor Regional BKN    : ${kanreg.name}<#if kanreg.city != "-">, ${kanreg.city}</#if>
</#if>

D. PERMOHONAN TINDAK LANJUT

<#switch purpose>
  <#case "BKPSDM_ACTION">
Sesuai kewenangan Pejabat Pembina Kepegawaian, kami mohon Bapak/Ibu:
1. melakukan pemeriksaan terhadap terlapor atas dugaan pelanggaran di atas;
    <#if subjectType == "PPPK">
2. menjatuhkan hukuman disiplin sesuai hasil pemeriksaan berdasarkan ketentuan disiplin PPPK
   (PP Nomor 49 Tahun 2018 tentang Manajemen PPPK);
    <#else>
2. menjatuhkan hukuman disiplin sesuai hasil pemeriksaan berdasarkan PP Nomor 94 Tahun 2021
   tentang Disiplin Pegawai Negeri Sipil;
    </#if>
3. melaporkan tindak lanjut dan hasilnya kepada Bawaslu dengan mencantumkan nomor kasus ${caseId}.
    <#if !bkn.verified>

Identitas terlapor belum terverifikasi di BKN; mohon verifikasi identitas terlapor terlebih dahulu.
    </#if>
    <#if severity == "BERAT">

Mengingat tingkat pelanggaran BERAT, salinan email ini juga disampaikan kepada Inspektorat daerah
dan Kantor Regional BKN.
    </#if>
    <#break>
  <#case "VILLAGE_OFFICIAL">
Terlapor adalah ${subjectTypeLabel?lower_case} dan bukan ASN, sehingga tidak berada di bawah kewenangan BKPSDM.
Kami mohon Bapak/Ibu:
1. menindaklanjuti dugaan pelanggaran ini sesuai ketentuan bagi kepala desa dan perangkat desa
   (UU Nomor 6 Tahun 2014 tentang Desa Pasal 29 dan Pasal 51, serta UU Nomor 10 Tahun 2016
   Pasal 70 dan Pasal 71);
2. bila terbukti, meneruskan rekomendasi kepada Bupati/Wali Kota melalui Camat untuk pengenaan sanksi;
3. mencatat tindak lanjut dengan mencantumkan nomor kasus ${caseId}.
    <#break>
  <#case "CENTRAL_AGENCY">
Terlapor adalah pegawai instansi pusat (${centralAgency}), sehingga penjatuhan hukuman disiplin menjadi
kewenangan Pejabat Pembina Kepegawaian instansi tersebut. Kami mohon Bapak/Ibu:
1. meneruskan laporan ini kepada unit kepegawaian ${centralAgency};
2. memastikan pemeriksaan dan penjatuhan hukuman disiplin berdasarkan PP Nomor 94 Tahun 2021
   tentang Disiplin Pegawai Negeri Sipil;
3. melaporkan tindak lanjut dan hasilnya kepada Bawaslu dengan mencantumkan nomor kasus ${caseId}.
    <#break>
  <#case "TRIAGE">
Laporan ini belum dapat diteruskan secara otomatis<#if !region.known && !central>: wilayah instansi terlapor belum dapat ditentukan</#if>.
Kami mohon Bapak/Ibu:
1. menentukan wilayah dan instansi yang berwenang<#if !bkn.verified> serta memverifikasi identitas terlapor</#if><#if !classified || category.needsReview>, dan meninjau kategori pelanggaran</#if>;
2. meneruskan laporan secara manual kepada BKPSDM/BKD instansi tersebut (bagi kepala desa/perangkat desa:
   kepada Bawaslu setempat), SETELAH menghapus identitas pelapor;
3. mencatat tindak lanjut dengan mencantumkan nomor kasus ${caseId}.
    <#break>
</#switch>

E. PERLINDUNGAN PELAPOR

<#if reporterShown>
IDENTITAS PELAPOR — RAHASIA, HANYA UNTUK BAWASLU:
  Nama pelapor         : ${reporter.name}
  Kontak pelapor       : ${reporter.contact}
Identitas pelapor dirahasiakan terhadap instansi terlapor: hapus bagian ini sebelum meneruskan email.
<#else>
Identitas pelapor dirahasiakan untuk melindungi pelapor dari tindakan balasan. Bawaslu menyimpan
identitas tersebut; bila diperlukan untuk pemeriksaan, permintaan disampaikan secara resmi kepada Bawaslu.
</#if>

Demikian kami sampaikan. Atas perhatian dan kerja sama Bapak/Ibu, kami ucapkan terima kasih.

Hormat kami,
Netralitas Hub

--
Email ini dikirim secara otomatis oleh Netralitas Hub. Untuk menanggapi, balas email ini dan
cantumkan nomor kasus ${caseId} pada subjek atau isi balasan.
