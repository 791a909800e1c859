"""The Đánh giá texts of the communes, Phòng GD&ĐT and the Trung tâm VH-TT-DL và TT."""

from __future__ import annotations

from .registry import ASSESSMENT_LABELS, CommuneSpec
from .rows import UnitReport, assessment, vn_int

HIGHLIGHTS = (
    "Thư viện {place} phục vụ {uses} lượt bạn đọc; tổ chức {acts} hoạt động hưởng ứng học tập "
    "suốt đời, thu hút {people} lượt người tham gia.",
    "Có {q}/{n} thiết chế văn hóa duy trì câu lạc bộ, nhóm sở thích và hoạt động thường xuyên; "
    "phong trào đọc sách tại {village} được Nhân dân tích cực hưởng ứng.",
    "Hệ thống thư viện, tủ sách cơ sở của {place} phục vụ {uses} lượt bạn đọc; nội dung học tập "
    "suốt đời được lồng ghép trong sinh hoạt thôn, tổ dân phố.",
    "Tổ chức {acts} hoạt động với {people} lượt người tham gia; mô hình tủ sách cộng đồng tại "
    "{village} phát huy hiệu quả, thu hút đông đảo thiếu nhi.",
    "Công tác tuyên truyền được triển khai qua hệ thống truyền thanh và mạng xã hội; thư viện, "
    "tủ sách của {place} phục vụ {uses} lượt bạn đọc, từng bước hình thành thói quen đọc.",
    "Phong trào văn hóa văn nghệ, thể dục thể thao ở {place} có chuyển biến, {q}/{n} thiết chế "
    "văn hóa có câu lạc bộ hoạt động đều đặn.",
)


SHORTCOMINGS = (
    "Cơ sở vật chất, trang thiết bị của thư viện {place} còn thiếu; vốn sách chậm được bổ sung, "
    "chưa đáp ứng nhu cầu đọc của Nhân dân.",
    "Một số nhà văn hóa, trong đó có nhà văn hóa {village}, chưa duy trì được câu lạc bộ, nhóm "
    "sở thích; hoạt động văn hóa văn nghệ chưa thường xuyên.",
    "Việc ứng dụng công nghệ thông tin, chuyển đổi số trong hoạt động thư viện của {place} còn "
    "hạn chế, chưa có phần mềm quản lý bạn đọc.",
    "Số lượt bạn đọc là người dân tộc thiểu số ở các thôn xa trung tâm như {village} còn thấp; "
    "hoạt động tủ sách thôn chưa đều.",
    "Cán bộ phụ trách thư viện {place} làm việc kiêm nhiệm, chưa được bồi dưỡng chuyên sâu về "
    "nghiệp vụ thư viện và chuyển đổi số.",
    "Kinh phí dành cho hoạt động học tập suốt đời tại {place} còn thấp; nguồn lực xã hội hóa "
    "chưa được huy động tương xứng.",
)


CAUSES = (
    "Ngân sách của {place} còn khó khăn, chủ yếu tập trung cho các nhiệm vụ chi thường xuyên; "
    "nguồn xã hội hóa còn hạn chế.",
    "Một bộ phận Nhân dân chưa hình thành thói quen đọc sách; người dân {village} chủ yếu làm "
    "nông nghiệp, ít thời gian tham gia sinh hoạt.",
    "Hạ tầng Internet tại một số thôn của {place} chưa ổn định; máy tính phục vụ bạn đọc đã "
    "xuống cấp.",
    "Cán bộ văn hóa - xã hội của {place} phải kiêm nhiệm nhiều việc, chưa có thời gian đầu tư "
    "cho công tác thư viện.",
    "Sự phối hợp giữa thư viện, nhà văn hóa và trung tâm học tập cộng đồng của {place} chưa "
    "chặt chẽ, thiếu kế hoạch cụ thể.",
    "Địa bàn {place} rộng, giao thông đến {village} còn khó khăn vào mùa mưa nên việc luân "
    "chuyển sách chưa thường xuyên.",
)


DIRECTIONS = (
    "Năm {next}, tiếp tục bổ sung vốn sách, duy trì luân chuyển sách về {village} và các thôn "
    "vùng sâu; phấn đấu tăng số lượt bạn đọc ít nhất 8%.",
    "Củng cố, thành lập mới câu lạc bộ, nhóm sở thích tại các nhà văn hóa thôn của {place} chưa "
    "có; duy trì sinh hoạt thường xuyên hằng tháng trong năm {next}.",
    "Đẩy mạnh ứng dụng công nghệ thông tin trong thư viện {place}, từng bước số hóa tài liệu và "
    "quản lý bạn đọc bằng phần mềm trong năm {next}.",
    "Lồng ghép tuyên truyền học tập suốt đời với phong trào “Toàn dân đoàn kết xây dựng đời "
    "sống văn hóa”; tổ chức tốt Ngày Sách và Văn hóa đọc Việt Nam năm {next} tại {place}.",
    "Tăng cường phối hợp với trường học, trung tâm học tập cộng đồng và Chi hội Khuyến học "
    "{village} tổ chức các hoạt động đọc sách cho thiếu nhi trong năm {next}.",
    "Vận động doanh nghiệp, nhà hảo tâm hỗ trợ sách, trang thiết bị cho tủ sách {village}; mở "
    "rộng mô hình tủ sách cộng đồng trong năm {next}.",
)


PROPOSALS = (
    "Đề nghị UBND huyện quan tâm bố trí kinh phí mua sắm máy tính, kết nối Internet cho thư "
    "viện {place}.",
    "Đề nghị Trung tâm Văn hóa - Thể thao - Du lịch và Truyền thông huyện tăng cường luân "
    "chuyển sách, thư viện lưu động về {place}.",
    "Đề nghị Phòng Văn hóa - Thông tin huyện tổ chức tập huấn nghiệp vụ thư viện, chuyển đổi "
    "số cho cán bộ văn hóa - xã hội và cộng tác viên tủ sách của {place}.",
    "Đề nghị cấp trên hỗ trợ trang thiết bị âm thanh, nhạc cụ dân tộc cho nhà văn hóa {village} "
    "để duy trì hoạt động câu lạc bộ.",
    "Đề nghị UBND huyện có hình thức khen thưởng kịp thời các tập thể, cá nhân tiêu biểu trong "
    "phong trào học tập suốt đời tại {place}.",
    "Đề nghị bổ sung đầu sách song ngữ Việt - Ba Na, Việt - Xơ Đăng phù hợp với đồng bào dân "
    "tộc thiểu số tại {place}.",
)


NO_LIBRARY = {
    "Kết quả nổi bật": "{Place} chưa có thư viện công cộng cấp xã nhưng duy trì {points} tủ "
    "sách, điểm đọc cơ sở, phục vụ {uses} lượt bạn đọc; tổ chức {acts} hoạt động với {people} "
    "lượt người tham gia.",
    "Tồn tại, hạn chế": "{Place} chưa có thư viện công cộng; tủ sách, điểm đọc cơ sở có vốn "
    "sách ít, chủ yếu do luân chuyển từ Thư viện huyện.",
    "Đề xuất, kiến nghị": "Đề nghị UBND huyện hỗ trợ kinh phí, bố trí phòng đọc để thành lập "
    "Thư viện {place} theo quy định của Luật Thư viện.",
}


def commune_assessment(spec: CommuneSpec, report: UnitReport, index: int) -> dict[str, str]:
    """Return the five Đánh giá texts of a commune for its report year."""
    qualifying = [i for i in report.institutions if i.clubs and i.regular]
    values = {
        "place": spec.place,
        "Place": spec.place[0].upper() + spec.place[1:],
        "next": report.year + 1,
        "village": spec.villages[(index + report.year) % len(spec.villages)],
        "uses": vn_int(sum(lib.uses for lib in report.libraries)),
        "acts": len(report.activities),
        "points": len(report.libraries),
        "people": vn_int(sum(a.participants for a in report.activities)),
        "q": len(qualifying),
        "n": len(report.institutions),
    }
    pools = (HIGHLIGHTS, SHORTCOMINGS, CAUSES, DIRECTIONS, PROPOSALS)
    texts = {}
    for step, (label, pool) in enumerate(zip(ASSESSMENT_LABELS, pools, strict=True)):
        template = pool[(index * (step + 1) + report.year + step) % len(pool)]
        if spec.library is None and label in NO_LIBRARY:
            template = NO_LIBRARY[label]
        texts[label] = template.format(**values)
    return texts


def pgddt_assessment(report: UnitReport) -> dict[str, str]:
    """Return the Đánh giá texts of Phòng Giáo dục và Đào tạo."""
    libs = report.libraries
    serves = sum(lib.serves for lib in libs)
    digital = sum(lib.digital for lib in libs)
    return assessment(
        f"{serves}/{len(libs)} thư viện trường học mở cửa phục vụ học tập suốt đời cho phụ "
        f"huynh, Nhân dân; {digital}/{len(libs)} thư viện đã ứng dụng phần mềm quản lý, "
        f"phục vụ {vn_int(sum(lib.uses for lib in libs))} lượt bạn đọc trong năm {report.year}.",
        "Thư viện các trường mầm non và một số điểm trường lẻ còn thiếu phòng đọc riêng; "
        "việc ứng dụng công nghệ thông tin ở các trường vùng sâu chưa đồng bộ.",
        "Phần lớn cán bộ thư viện là giáo viên kiêm nhiệm; kinh phí mua phần mềm, thiết bị "
        "số hóa của các trường còn hạn chế.",
        f"Năm {report.year + 1}, chỉ đạo 100% trường tiểu học, THCS xây dựng kế hoạch phục vụ "
        "học tập suốt đời; mở rộng ứng dụng phần mềm quản lý thư viện.",
        "Đề nghị UBND huyện bố trí kinh phí mua phần mềm quản lý thư viện dùng chung cho các "
        "trường mầm non và trường vùng đặc biệt khó khăn.",
    )


def ttvhtt_assessment(report: UnitReport) -> dict[str, str]:
    """Return the Đánh giá texts of the Trung tâm VH-TT-DL và TT."""
    library = report.libraries[0]
    digital = (
        "Thư viện huyện đã đưa phần mềm quản lý thư viện vào sử dụng, số hóa tài liệu địa chí; "
        if library.digital
        else ""
    )
    return assessment(
        f"{digital}Thư viện huyện phục vụ {vn_int(library.uses)} lượt bạn đọc, tổ chức "
        f"{len(report.activities)} hoạt động, trong đó có thư viện lưu động về các thôn vùng sâu.",
        "Trụ sở Thư viện huyện chật hẹp, chưa có phòng đọc đa phương tiện; nguồn tài liệu số "
        "còn ít, chưa kết nối với thư viện các xã.",
        "Kinh phí sự nghiệp còn hạn hẹp; đội ngũ làm công tác thư viện mỏng, phải kiêm nhiệm "
        "nhiều nhiệm vụ tuyên truyền, văn nghệ.",
        f"Năm {report.year + 1}, tiếp tục số hóa tài liệu địa chí, duy trì thư viện lưu động "
        "hằng tháng và phối hợp với các trường tổ chức Ngày hội đọc sách.",
        "Đề nghị UBND huyện đầu tư phòng đọc đa phương tiện cho Thư viện huyện và hỗ trợ "
        "kinh phí kết nối dữ liệu với thư viện cấp xã.",
    )
